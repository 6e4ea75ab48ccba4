package io.parley.server.message;

import java.time.Instant;

/** A message as the store holds it: stored once, at (conversationId, seq). */
public record StoredMessage(long conversationId, String conversationPublicId, long seq, String messageId,
        long senderId, String clientMessageId, int contentType, String content, String url, String fileSuffix,
        Instant createdAt) {
}
