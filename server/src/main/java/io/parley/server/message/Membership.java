package io.parley.server.message;

import java.time.Instant;

/**
 * One user's place in one conversation: the line of a conversation list.
 *
 * @param peerId          the other party of a 1:1 conversation; null in a group
 * @param visibleFromSeq  the user sees messages after this seq (a group member from their join on)
 * @param muted           the user muted the conversation's notifications
 * @param unreadMentions  unread messages that mention the user
 */
record Membership(long conversationId, String publicId, int kind, long lastSeq, long readSeq, Long peerId,
        long visibleFromSeq, boolean muted, long unreadMentions, Instant updatedAt) {

    long unread() {
        return Math.max(0, lastSeq - Math.max(readSeq, visibleFromSeq));
    }

    boolean isGroup() {
        return kind == GroupConversations.KIND_GROUP;
    }
}
