package io.parley.server.message;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The message store on plain batched JDBC: the hot path writes a whole batch of messages with one
 * statement batch and one commit, which the ORM would turn into a round trip per row.
 */
@Repository
class JdbcMessageStore implements MessageStore {

    static final int KIND_SINGLE = 1;

    private static final String MESSAGE_COLUMNS = "m.conversation_id, c.public_id, m.seq, m.message_id, m.sender_id,"
            + " m.client_message_id, m.content_type, m.content, m.url, m.file_suffix, m.created_at";
    private static final String FROM_MESSAGES = " FROM messages m JOIN conversations c ON c.id = m.conversation_id";
    private static final String MEMBERSHIP_QUERY = "SELECT c.id, c.public_id, c.kind, c.last_seq, me.read_seq,"
            + " (SELECT MIN(o.user_id) FROM conversation_members o WHERE o.conversation_id = c.id AND o.user_id <> me.user_id),"
            + " c.updated_at"
            + " FROM conversation_members me JOIN conversations c ON c.id = me.conversation_id";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    JdbcMessageStore(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public Optional<Conversation> findConversation(String publicId) {
        List<long[]> rows = jdbc.query("SELECT id, last_seq FROM conversations WHERE public_id = ?",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, publicId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        long id = rows.get(0)[0];
        long[] members = jdbc.queryForList("SELECT user_id FROM conversation_members WHERE conversation_id = ? ORDER BY user_id",
                Long.class, id).stream().mapToLong(Long::longValue).toArray();
        return Optional.of(new Conversation(id, publicId, rows.get(0)[1], members));
    }

    @Override
    public Conversation createDirectConversation(String publicId, long userA, long userB, Instant now) {
        try {
            tx.executeWithoutResult(status -> {
                Timestamp at = Timestamp.from(now);
                jdbc.update("INSERT INTO conversations (public_id, kind, last_seq, created_at, updated_at) VALUES (?, ?, 0, ?, ?)",
                        publicId, KIND_SINGLE, at, at);
                Long id = jdbc.queryForObject("SELECT id FROM conversations WHERE public_id = ?", Long.class, publicId);
                jdbc.batchUpdate("INSERT INTO conversation_members (conversation_id, user_id, read_seq, joined_at) VALUES (?, ?, 0, ?)",
                        List.of(new Object[] {id, userA, at}, new Object[] {id, userB, at}));
            });
        } catch (DuplicateKeyException createdMeanwhile) {
            // Another node created it first: use theirs.
        }
        return findConversation(publicId).orElseThrow();
    }

    @Override
    public void storeBatch(List<StoredMessage> messages, Map<Long, Long> lastSeqByConversation, Instant now) {
        Map<List<Long>, Long> senderCursor = new HashMap<>();
        List<Object[]> rows = new ArrayList<>(messages.size());
        for (StoredMessage m : messages) {
            rows.add(new Object[] {m.conversationId(), m.seq(), m.messageId(), m.senderId(), m.clientMessageId(),
                    m.contentType(), m.content(), m.url(), m.fileSuffix(), Timestamp.from(m.createdAt())});
            senderCursor.merge(List.of(m.conversationId(), m.senderId()), m.seq(), Math::max);
        }
        Timestamp at = Timestamp.from(now);
        try {
            tx.executeWithoutResult(status -> {
                jdbc.batchUpdate("INSERT INTO messages (conversation_id, seq, message_id, sender_id, client_message_id,"
                        + " content_type, content, url, file_suffix, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
                jdbc.batchUpdate("UPDATE conversations SET last_seq = ?, updated_at = ? WHERE id = ?",
                        lastSeqByConversation.entrySet().stream()
                                .map(e -> new Object[] {e.getValue(), at, e.getKey()}).toList());
                jdbc.batchUpdate("UPDATE conversation_members SET read_seq = ? WHERE conversation_id = ? AND user_id = ? AND read_seq < ?",
                        senderCursor.entrySet().stream()
                                .map(e -> new Object[] {e.getValue(), e.getKey().get(0), e.getKey().get(1), e.getValue()}).toList());
            });
        } catch (DuplicateKeyException e) {
            throw new DuplicateSendException(e);
        }
    }

    @Override
    public Optional<StoredMessage> findByClientMessageId(long conversationId, long senderId, String clientMessageId) {
        return jdbc.query("SELECT " + MESSAGE_COLUMNS + FROM_MESSAGES
                        + " WHERE m.conversation_id = ? AND m.sender_id = ? AND m.client_message_id = ?",
                MESSAGE, conversationId, senderId, clientMessageId).stream().findFirst();
    }

    @Override
    public List<StoredMessage> messagesAfter(long conversationId, long afterSeq, int limit) {
        return jdbc.query("SELECT " + MESSAGE_COLUMNS + FROM_MESSAGES
                + " WHERE m.conversation_id = ? AND m.seq > ? ORDER BY m.seq ASC LIMIT ?", MESSAGE, conversationId, afterSeq, limit);
    }

    @Override
    public List<StoredMessage> messagesBefore(long conversationId, long beforeSeq, int limit) {
        return jdbc.query("SELECT " + MESSAGE_COLUMNS + FROM_MESSAGES
                + " WHERE m.conversation_id = ? AND m.seq < ? ORDER BY m.seq DESC LIMIT ?", MESSAGE, conversationId, beforeSeq, limit);
    }

    @Override
    public Optional<StoredMessage> message(long conversationId, long seq) {
        return jdbc.query("SELECT " + MESSAGE_COLUMNS + FROM_MESSAGES + " WHERE m.conversation_id = ? AND m.seq = ?",
                MESSAGE, conversationId, seq).stream().findFirst();
    }

    @Override
    public List<Membership> membershipsOf(long userId) {
        return jdbc.query(MEMBERSHIP_QUERY + " WHERE me.user_id = ? ORDER BY c.updated_at DESC, c.id DESC", MEMBERSHIP, userId);
    }

    @Override
    public Optional<Membership> membership(String publicId, long userId) {
        return jdbc.query(MEMBERSHIP_QUERY + " WHERE c.public_id = ? AND me.user_id = ?", MEMBERSHIP, publicId, userId)
                .stream().findFirst();
    }

    @Override
    public long advanceReadCursor(long conversationId, long userId, long readSeq) {
        jdbc.update("UPDATE conversation_members SET read_seq = ? WHERE conversation_id = ? AND user_id = ? AND read_seq < ?",
                readSeq, conversationId, userId, readSeq);
        return jdbc.queryForObject("SELECT read_seq FROM conversation_members WHERE conversation_id = ? AND user_id = ?",
                Long.class, conversationId, userId);
    }

    private static final RowMapper<StoredMessage> MESSAGE = (ResultSet rs, int i) -> new StoredMessage(
            rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5), rs.getString(6),
            rs.getInt(7), rs.getString(8), rs.getString(9), rs.getString(10), instant(rs, 11));

    private static final RowMapper<Membership> MEMBERSHIP = (ResultSet rs, int i) -> new Membership(
            rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getLong(5),
            rs.getObject(6) == null ? null : rs.getLong(6), instant(rs, 7));

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }
}
