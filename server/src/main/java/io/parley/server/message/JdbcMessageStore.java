package io.parley.server.message;

import io.parley.protocol.ContentType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
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
            + " m.client_message_id, m.content_type, m.content, m.url, m.file_suffix, m.reply_to_seq, m.mentions,"
            + " m.recalled_at, m.created_at";
    private static final String FROM_MESSAGES = " FROM messages m JOIN conversations c ON c.id = m.conversation_id";
    /**
     * A conversation's newest seq, read from the messages' primary key (one index step) rather than kept in
     * a column: moving such a column for every batch was half the cost of storing it. The newest rows are
     * found by ordering on every column of the index, descending: H2 reads such an order straight off the
     * index end, but scans the whole range for a MAX or an ORDER BY on the last column alone.
     */
    static final String LAST_SEQ_OF_C = "COALESCE((SELECT m.seq FROM messages m WHERE m.conversation_id = c.id"
            + " ORDER BY m.conversation_id DESC, m.seq DESC LIMIT 1), 0)";
    /** When a conversation last had a message (or was created): what conversation lists are ordered by. */
    private static final String LAST_ACTIVITY_OF_C = "COALESCE((SELECT lm.created_at FROM messages lm"
            + " WHERE lm.conversation_id = c.id ORDER BY lm.conversation_id DESC, lm.seq DESC LIMIT 1), c.created_at)";
    private static final String FROM_MEMBERSHIPS = " FROM conversation_members me JOIN conversations c ON c.id = me.conversation_id";
    static final String MEMBERSHIP_QUERY = "SELECT c.id, c.public_id, c.kind, " + LAST_SEQ_OF_C + ", "
            + readCursorOf("me") + " AS read_cursor,"
            + " CASE WHEN c.kind = " + KIND_SINGLE + " THEN (SELECT MIN(o.user_id) FROM conversation_members o"
            + "   WHERE o.conversation_id = c.id AND o.user_id <> me.user_id) END,"
            + " me.visible_from_seq, me.muted,"
            + " (SELECT COUNT(*) FROM message_mentions mm WHERE mm.conversation_id = c.id AND mm.user_id = me.user_id"
            + "   AND mm.seq > " + readCursorOf("me") + "),"
            + " " + LAST_ACTIVITY_OF_C + " AS last_activity"
            + FROM_MEMBERSHIPS;
    /** A user's conversations as conversation lists and sync show them: the most recently active first. */
    private static final String OF_USER_MOST_RECENT_FIRST = " WHERE me.user_id = ? ORDER BY last_activity DESC, c.id DESC";
    private static final String SYNC_POINT_QUERY = "SELECT c.id, c.public_id, " + LAST_SEQ_OF_C + ", me.visible_from_seq,"
            + " " + LAST_ACTIVITY_OF_C + " AS last_activity" + FROM_MEMBERSHIPS + OF_USER_MOST_RECENT_FIRST;

    private static final String INSERT_MESSAGE = "INSERT INTO messages (conversation_id, seq, message_id, sender_id,"
            + " client_message_id, content_type, content, url, file_suffix, reply_to_seq, mentions, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    JdbcMessageStore(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /**
     * A member's read cursor, {@code member} being a conversation_members alias: the cursor their read
     * receipts moved, or their own newest message in the conversation if that is further. Sending thus moves
     * the sender's cursor without a write to conversation_members, which cost more than the message's insert.
     */
    private static String readCursorOf(String member) {
        return "GREATEST(" + member + ".read_seq, COALESCE((SELECT own.seq FROM messages own"
                + " WHERE own.conversation_id = " + member + ".conversation_id AND own.sender_id = " + member + ".user_id"
                + " ORDER BY own.conversation_id DESC, own.sender_id DESC, own.seq DESC LIMIT 1), 0))";
    }

    @Override
    public Map<String, Conversation> findConversations(Collection<String> publicIds) {
        if (publicIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Conversation> found = new HashMap<>();
        jdbc.query("SELECT c.id, c.public_id, " + LAST_SEQ_OF_C + " FROM conversations c WHERE c.public_id IN ("
                        + String.join(", ", Collections.nCopies(publicIds.size(), "?")) + ")",
                rs -> {
                    found.put(rs.getString(2), new Conversation(rs.getLong(1), rs.getString(2), rs.getLong(3)));
                },
                publicIds.toArray());
        return found;
    }

    /**
     * Binds with typed setters throughout: the generic {@code Object[]} binding costs a logger check per
     * parameter and, for each null, a look at the statement's parameter types, on every row of every batch.
     */
    @Override
    public Map<String, Long> storeBatch(List<NewDirectConversation> opened, List<StoredMessage> messages,
            List<Mention> mentions, Instant now) {
        Timestamp at = Timestamp.from(now);
        try {
            return tx.execute(status -> {
                Map<String, Long> created = opened.isEmpty() ? Map.of() : createDirectConversations(opened, at);
                List<StoredMessage> rows = messages.stream().map(m -> m.conversationId() == Conversation.NOT_STORED
                        ? m.inConversation(created.get(m.conversationPublicId())) : m).toList();
                insertMessages(rows, mentions, at);
                return created;
            });
        } catch (DuplicateKeyException e) {
            throw new DuplicateSendException(e);
        }
    }

    @Override
    public long openDirectConversation(NewDirectConversation conversation, Instant now) {
        try {
            return tx.execute(status -> createDirectConversations(List.of(conversation), Timestamp.from(now)))
                    .get(conversation.publicId());
        } catch (DuplicateKeyException createdMeanwhile) {
            return findConversations(List.of(conversation.publicId())).get(conversation.publicId()).id();
        }
    }

    /** Creates 1:1 conversations with both members at read seq 0; returns their row ids by public id. */
    private Map<String, Long> createDirectConversations(List<NewDirectConversation> opened, Timestamp at) {
        jdbc.batchUpdate("INSERT INTO conversations (public_id, kind, created_at) VALUES (?, ?, ?)",
                opened, opened.size(), (ps, c) -> {
                    ps.setString(1, c.publicId());
                    ps.setInt(2, KIND_SINGLE);
                    ps.setTimestamp(3, at);
                });
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("SELECT public_id, id FROM conversations WHERE public_id IN ("
                        + String.join(", ", Collections.nCopies(opened.size(), "?")) + ")",
                rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                },
                opened.stream().map(NewDirectConversation::publicId).toArray());
        List<long[]> members = new ArrayList<>(opened.size() * 2);
        for (NewDirectConversation c : opened) {
            long id = ids.get(c.publicId());
            members.add(new long[] {id, c.userA()});
            members.add(new long[] {id, c.userB()});
        }
        jdbc.batchUpdate("INSERT INTO conversation_members (conversation_id, user_id, read_seq, joined_at) VALUES (?, ?, 0, ?)",
                members, members.size(), (ps, member) -> {
                    ps.setLong(1, member[0]);
                    ps.setLong(2, member[1]);
                    ps.setTimestamp(3, at);
                });
        return ids;
    }

    /**
     * Binds with typed setters throughout: the generic {@code Object[]} binding costs a logger check per
     * parameter and, for each null, a look at the statement's parameter types, on every row of every batch.
     */
    private void insertMessages(List<StoredMessage> messages, List<Mention> mentions, Timestamp at) {
        List<StoredMessage> recalls = messages.stream().filter(m -> m.contentType() == ContentType.RECALLED_VALUE).toList();
        jdbc.batchUpdate(INSERT_MESSAGE, messages, messages.size(), JdbcMessageStore::bindMessage);
        if (!mentions.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO message_mentions (conversation_id, user_id, seq) VALUES (?, ?, ?)",
                    mentions, mentions.size(), (ps, x) -> {
                        ps.setLong(1, x.conversationId());
                        ps.setLong(2, x.userId());
                        ps.setLong(3, x.seq());
                    });
        }
        if (!recalls.isEmpty()) {
            jdbc.batchUpdate("UPDATE messages SET content = '', url = NULL, file_suffix = NULL, recalled_at = ?"
                    + " WHERE conversation_id = ? AND seq = ? AND recalled_at IS NULL", recalls, recalls.size(), (ps, m) -> {
                        ps.setTimestamp(1, at);
                        ps.setLong(2, m.conversationId());
                        ps.setLong(3, m.replyToSeq());
                    });
        }
    }

    private static void bindMessage(PreparedStatement ps, StoredMessage m) throws SQLException {
        ps.setLong(1, m.conversationId());
        ps.setLong(2, m.seq());
        ps.setString(3, m.messageId());
        ps.setLong(4, m.senderId());
        ps.setString(5, m.clientMessageId());
        ps.setInt(6, m.contentType());
        ps.setString(7, m.content());
        setNullable(ps, 8, m.url());
        setNullable(ps, 9, m.fileSuffix());
        if (m.replyToSeq() == 0) {
            ps.setNull(10, Types.BIGINT);
        } else {
            ps.setLong(10, m.replyToSeq());
        }
        setNullable(ps, 11, m.mentions().isEmpty() ? null : String.join(",", m.mentions()));
        ps.setTimestamp(12, Timestamp.from(m.createdAt()));
    }

    private static void setNullable(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    @Override
    public List<StoredMessage> findSent(Collection<SentKey> sends) {
        if (sends.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(sends.size() * 3);
        sends.forEach(key -> args.addAll(List.of(key.conversationId(), key.senderId(), key.clientMessageId())));
        return jdbc.query("SELECT " + MESSAGE_COLUMNS + FROM_MESSAGES + " WHERE " + String.join(" OR ",
                Collections.nCopies(sends.size(), "(m.conversation_id = ? AND m.sender_id = ? AND m.client_message_id = ?)")),
                MESSAGE, args.toArray());
    }

    @Override
    public List<StoredMessage> messagesAfter(long conversationId, long afterSeq, int limit) {
        return jdbc.query("SELECT " + MESSAGE_COLUMNS + FROM_MESSAGES
                + " WHERE m.conversation_id = ? AND m.seq > ? ORDER BY m.seq ASC LIMIT ?", MESSAGE, conversationId, afterSeq, limit);
    }

    @Override
    public List<StoredMessage> messagesBefore(long conversationId, long beforeSeq, long floorSeq, int limit) {
        return jdbc.query("SELECT " + MESSAGE_COLUMNS + FROM_MESSAGES
                + " WHERE m.conversation_id = ? AND m.seq < ? AND m.seq > ? ORDER BY m.seq DESC LIMIT ?",
                MESSAGE, conversationId, beforeSeq, floorSeq, limit);
    }

    @Override
    public Optional<StoredMessage> message(long conversationId, long seq) {
        return jdbc.query("SELECT " + MESSAGE_COLUMNS + FROM_MESSAGES + " WHERE m.conversation_id = ? AND m.seq = ?",
                MESSAGE, conversationId, seq).stream().findFirst();
    }

    @Override
    public List<Membership> membershipsOf(long userId) {
        return jdbc.query(MEMBERSHIP_QUERY + OF_USER_MOST_RECENT_FIRST, MEMBERSHIP, userId);
    }

    @Override
    public List<SyncPoint> syncPointsOf(long userId) {
        return jdbc.query(SYNC_POINT_QUERY, SYNC_POINT, userId);
    }

    @Override
    public Optional<Membership> membership(String publicId, long userId) {
        return jdbc.query(MEMBERSHIP_QUERY + " WHERE c.public_id = ? AND me.user_id = ?", MEMBERSHIP, publicId, userId)
                .stream().findFirst();
    }

    /**
     * Moves the stored cursor only when the member's cursor is below {@code readSeq}, their own messages counted
     * (see {@link #readCursorOf}): one row changed then means the cursor moved, also when requests race.
     */
    @Override
    public CursorMove advanceReadCursor(long conversationId, long userId, long readSeq) {
        int moved = jdbc.update("UPDATE conversation_members SET read_seq = ? WHERE conversation_id = ? AND user_id = ?"
                + " AND read_seq < ? AND NOT EXISTS (SELECT 1 FROM messages own WHERE own.conversation_id = ?"
                + " AND own.sender_id = ? AND own.seq >= ?)",
                readSeq, conversationId, userId, readSeq, conversationId, userId, readSeq);
        long cursor = jdbc.queryForObject("SELECT " + readCursorOf("me") + " FROM conversation_members me"
                + " WHERE me.conversation_id = ? AND me.user_id = ?", Long.class, conversationId, userId);
        return new CursorMove(cursor, moved > 0);
    }

    @Override
    public ReadCount readCount(long conversationId, long seq, long senderId) {
        return jdbc.queryForObject("SELECT SUM(CASE WHEN " + readCursorOf("me") + " >= ? THEN 1 ELSE 0 END), COUNT(*)"
                        + " FROM conversation_members me WHERE me.conversation_id = ? AND me.user_id <> ?",
                (rs, i) -> new ReadCount(rs.getLong(1), rs.getLong(2)), seq, conversationId, senderId);
    }

    @Override
    public void setMuted(long conversationId, long userId, boolean muted) {
        jdbc.update("UPDATE conversation_members SET muted = ? WHERE conversation_id = ? AND user_id = ?",
                muted, conversationId, userId);
    }

    @Override
    public List<StoredMessage> search(long userId, String conversationPublicId, String text, int offset, int limit) {
        List<Object> args = new ArrayList<>(List.of(userId, ContentType.TEXT_VALUE, "%" + escapeLike(text) + "%"));
        String oneConversation = "";
        if (conversationPublicId != null) {
            oneConversation = " AND c.public_id = ?";
            args.add(conversationPublicId);
        }
        args.add(limit);
        args.add(offset);
        return jdbc.query("SELECT " + MESSAGE_COLUMNS + FROM_MESSAGES
                + " JOIN conversation_members me ON me.conversation_id = m.conversation_id AND me.user_id = ?"
                + " WHERE m.content_type = ? AND m.recalled_at IS NULL AND m.seq > me.visible_from_seq"
                + " AND LOWER(m.content) LIKE LOWER(?) ESCAPE '!'" + oneConversation
                + " ORDER BY m.created_at DESC, m.conversation_id, m.seq DESC LIMIT ? OFFSET ?", MESSAGE, args.toArray());
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static final RowMapper<StoredMessage> MESSAGE = (ResultSet rs, int i) -> new StoredMessage(
            rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5), rs.getString(6),
            rs.getInt(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getLong(11), mentions(rs.getString(12)),
            rs.getTimestamp(13) != null, instant(rs, 14));

    private static final RowMapper<Membership> MEMBERSHIP = (ResultSet rs, int i) -> new Membership(
            rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getLong(5),
            rs.getObject(6) == null ? null : rs.getLong(6), rs.getLong(7), rs.getBoolean(8), rs.getLong(9), instant(rs, 10));

    private static final RowMapper<SyncPoint> SYNC_POINT = (ResultSet rs, int i) -> new SyncPoint(
            rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4));

    private static List<String> mentions(String column) {
        return column == null || column.isEmpty() ? List.of() : Arrays.asList(column.split(","));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }
}
