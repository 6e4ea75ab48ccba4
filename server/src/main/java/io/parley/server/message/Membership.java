package io.parley.server.message;

import java.time.Instant;

/** One user's place in one conversation: the line of a conversation list. */
record Membership(long conversationId, String publicId, int kind, long lastSeq, long readSeq, Long peerId,
        Instant updatedAt) {

    long unread() {
        return Math.max(0, lastSeq - readSeq);
    }
}
