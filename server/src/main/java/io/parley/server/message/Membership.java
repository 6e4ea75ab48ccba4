package io.parley.server.message;

import java.time.Instant;

/**
 * One user's place in one conversation: the line of a conversation list.
 *
 * @param peerId          the other party of a 1:1 conversation; null in a group
 * @param visibleFromSeq  the user sees messages after this seq (a group member from their join on)
 * @param muted           the user muted the conversation's notifications
 * @param lastSeq         the seq of the conversation's newest message, 0 before the first
 * @param unreadMentions  unread messages that mention the user
 * @param lastActivity    when the newest message was stored, or the conversation created before one was;
 *                        null for an unopened one
 */
record Membership(long conversationId, String publicId, int kind, long lastSeq, long readSeq, Long peerId,
        long visibleFromSeq, boolean muted, long unreadMentions, Instant lastActivity) {

    /**
     * A 1:1 conversation the user may message in that has no row yet (it is created with its first message, or
     * when a member mutes it): empty, read up to 0, not muted. Its row id is {@link Conversation#NOT_STORED},
     * which no row has, so every read of it finds nothing; writes must open it first.
     */
    static Membership unopened(String publicId, long peerId) {
        return new Membership(Conversation.NOT_STORED, publicId, JdbcMessageStore.KIND_SINGLE, 0, 0, peerId, 0, false, 0, null);
    }

    boolean stored() {
        return conversationId != Conversation.NOT_STORED;
    }

    long unread() {
        return Math.max(0, lastSeq - Math.max(readSeq, visibleFromSeq));
    }

    boolean isGroup() {
        return kind == GroupConversations.KIND_GROUP;
    }
}
