package io.parley.server.message;

import io.parley.server.user.UserCard;
import java.time.Instant;

/**
 * A message in REST history and the conversation list, with what a client needs to draw it (the sender's
 * username, nickname and avatar) so no row needs another request.
 */
record MessageView(String messageId, String clientMessageId, String conversationId, long seq, Instant serverTime,
        String from, String fromUsername, String fromNickname, String fromAvatar, String to, int contentType,
        String messageType, String content, String url, String fileSuffix) {

    static MessageView of(StoredMessage m, UserCard sender) {
        return new MessageView(m.messageId(), m.clientMessageId(), m.conversationPublicId(), m.seq(), m.createdAt(),
                sender.uuid(), sender.username(), sender.nickname(), sender.avatarUrl(),
                ChatMessages.otherParty(m.conversationPublicId(), sender.uuid()), m.contentType(), "single",
                m.content(), m.url(), m.fileSuffix());
    }
}
