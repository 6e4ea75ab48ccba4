package io.parley.server.message;

import java.time.Instant;
import java.util.List;

/**
 * A message as the store holds it: stored once, at (conversationId, seq).
 *
 * @param replyToSeq the quoted message's seq, 0 for none; for a recall notice, the recalled message
 * @param mentions   public ids of the users mentioned (group messages), empty for none
 * @param recalled   taken back: content, url and file suffix are gone
 */
public record StoredMessage(long conversationId, String conversationPublicId, long seq, String messageId,
        long senderId, String clientMessageId, int contentType, String content, String url, String fileSuffix,
        long replyToSeq, List<String> mentions, boolean recalled, Instant createdAt) {

    /** The same message in the conversation row {@code id}: for messages of a conversation created with them. */
    StoredMessage inConversation(long id) {
        return new StoredMessage(id, conversationPublicId, seq, messageId, senderId, clientMessageId, contentType, content,
                url, fileSuffix, replyToSeq, mentions, recalled, createdAt);
    }

    boolean inGroup() {
        return GroupConversations.groupId(conversationPublicId) != null;
    }
}
