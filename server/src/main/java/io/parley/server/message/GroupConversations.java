package io.parley.server.message;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A group's conversation, kept in step with its membership by the group feature. Each method joins the
 * caller's transaction, so a membership change and its conversation change commit together.
 */
@Service
public class GroupConversations {

    static final int KIND_GROUP = 2;
    private static final String PREFIX = "g:";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    GroupConversations(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The public conversation id of a group: {@code g:<group id>}. */
    public static String conversationId(String groupUuid) {
        return PREFIX + groupUuid;
    }

    /** The group id of a group conversation id, or null when it is not one. */
    public static String groupId(String conversationId) {
        return conversationId != null && conversationId.startsWith(PREFIX) ? conversationId.substring(PREFIX.length()) : null;
    }

    /** Creates the conversation of a new group, with its creator as the first member. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void open(String groupUuid, long creatorId) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("INSERT INTO conversations (public_id, kind, created_at) VALUES (?, ?, ?)",
                conversationId(groupUuid), KIND_GROUP, now);
        addMember(groupUuid, creatorId);
    }

    /**
     * Adds a member who sees the conversation from now on: their read cursor and history start at the
     * newest message. Adding a member twice is a no-op.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void addMember(String groupUuid, long userId) {
        long conversation = conversationRowId(groupUuid);
        Integer present = jdbc.queryForObject("SELECT COUNT(*) FROM conversation_members WHERE conversation_id = ? AND user_id = ?",
                Integer.class, conversation, userId);
        if (present != null && present > 0) {
            return;
        }
        jdbc.update("INSERT INTO conversation_members (conversation_id, user_id, read_seq, visible_from_seq, joined_at)"
                + " SELECT c.id, ?, " + JdbcMessageStore.LAST_SEQ_OF_C + ", " + JdbcMessageStore.LAST_SEQ_OF_C + ", ?"
                + " FROM conversations c WHERE c.id = ?",
                userId, Timestamp.from(clock.instant()), conversation);
    }

    /** Removes a member (left or kicked): they receive nothing new and no longer see the conversation. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void removeMember(String groupUuid, long userId) {
        jdbc.update("DELETE FROM conversation_members WHERE conversation_id = ? AND user_id = ?",
                conversationRowId(groupUuid), userId);
    }

    private long conversationRowId(String groupUuid) {
        return jdbc.queryForObject("SELECT id FROM conversations WHERE public_id = ?", Long.class, conversationId(groupUuid));
    }
}
