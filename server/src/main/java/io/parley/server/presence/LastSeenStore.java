package io.parley.server.presence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Users' last seen in {@code users.last_seen_at}, so it outlives a restart. Written once per user going
 * offline (in batches, off the connection threads), never on the message path; read for users this node has
 * not seen since it started.
 */
@Repository
class LastSeenStore {

    /** Ids per {@code IN (...)} list, well below every database's parameter limit. */
    private static final int IDS_PER_QUERY = 500;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate tx;

    LastSeenStore(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.named = named;
        this.tx = tx;
    }

    /** Writes every user's last seen in one statement batch and one commit. */
    void saveAll(Map<Long, Instant> lastSeenByUser) {
        if (lastSeenByUser.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(lastSeenByUser.size());
        lastSeenByUser.forEach((userId, at) -> rows.add(new Object[] {Timestamp.from(at), userId}));
        tx.executeWithoutResult(status -> jdbc.batchUpdate("UPDATE users SET last_seen_at = ? WHERE id = ?", rows));
    }

    /** The stored last seen of each user that has one; users never seen are left out. */
    Map<Long, Instant> load(Collection<Long> userIds) {
        Map<Long, Instant> found = new HashMap<>();
        List<Long> ids = List.copyOf(userIds);
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            named.query("SELECT id, last_seen_at FROM users WHERE id IN (:ids) AND last_seen_at IS NOT NULL",
                    Map.of("ids", chunk),
                    rs -> {
                        found.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
                    });
        }
        return found;
    }
}
