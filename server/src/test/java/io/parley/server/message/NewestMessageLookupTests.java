package io.parley.server.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.protocol.SendAck;
import io.parley.server.support.ApiClient;
import io.parley.server.support.OnH2;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A conversation's newest message and a member's own newest message are one index step each on H2, however
 * long the conversation: H2 scans the whole range for a MAX (or an ORDER BY on the last key column alone), so
 * the queries order on every column of the index. Shown by H2's own count of the rows each lookup read.
 */
@OnH2
class NewestMessageLookupTests extends MessagingTest {

    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void theConversationListReadsOneRowPerNewestLookupInALongConversation() {
        ApiClient.Account alice = signUp("alice");
        ApiClient.Account bob = signUp("bob");
        befriend(alice, bob);
        SendAck first = send(device(alice), 1, bob, "n-1", "hello");
        long conversation = jdbc.queryForObject("SELECT id FROM conversations WHERE public_id = ?", Long.class,
                first.getConversationId());
        long aliceId = jdbc.queryForObject("SELECT sender_id FROM messages WHERE conversation_id = ?", Long.class, conversation);
        List<Object[]> rows = new ArrayList<>();
        for (long seq = 2; seq <= 2_000; seq++) {
            rows.add(new Object[] {conversation, seq, "id-" + seq, aliceId, "n-" + seq, "more"});
        }
        jdbc.batchUpdate("INSERT INTO messages (conversation_id, seq, message_id, sender_id, client_message_id, content_type,"
                + " content, created_at) VALUES (?, ?, ?, ?, ?, 1, ?, CURRENT_TIMESTAMP)", rows);

        String plan = jdbc.queryForObject("EXPLAIN ANALYZE " + JdbcMessageStore.MEMBERSHIP_QUERY
                + " WHERE c.public_id = ? AND me.user_id = ?", String.class, first.getConversationId(), aliceId);

        Matcher counts = SCAN_COUNT.matcher(plan);
        List<Integer> scanned = new ArrayList<>();
        while (counts.find()) {
            scanned.add(Integer.parseInt(counts.group(1)));
        }
        assertThat(scanned).as(plan).isNotEmpty().allSatisfy(rowsRead -> assertThat(rowsRead).isLessThan(10));
        List<Long> lastSeqAndCursor = jdbc.queryForObject(JdbcMessageStore.MEMBERSHIP_QUERY
                + " WHERE c.public_id = ? AND me.user_id = ?", (rs, i) -> List.of(rs.getLong(4), rs.getLong(5)),
                first.getConversationId(), aliceId);
        assertThat(lastSeqAndCursor).as("last seq and alice's read cursor: her own newest message")
                .containsExactly(2_000L, 2_000L);
    }
}
