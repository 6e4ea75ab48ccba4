package io.parley.server.message;

import io.parley.server.user.UserCard;
import java.time.Instant;
import java.util.List;

/**
 * A message in REST history and the conversation list, with what a client needs to draw it (the sender's
 * username, nickname and avatar) so no row needs another request.
 */
record MessageView(String messageId, String clientMessageId, String conversationId, long seq, Instant serverTime,
        String from, String fromUsername, String fromNickname, String fromAvatar, String to, int contentType,
        String messageType, String content, String url, String fileSuffix, Long replyToSeq, List<String> mentions,
        boolean recalled) {

    static MessageView of(StoredMessage m, UserCard sender) {
        return new MessageView(m.messageId(), m.clientMessageId(), m.conversationPublicId(), m.seq(), m.createdAt(),
                sender.uuid(), sender.username(), sender.nickname(), sender.avatarUrl(),
                ChatMessages.recipient(m, sender.uuid()), m.contentType(), m.inGroup() ? "group" : "single",
                m.content(), m.url(), m.fileSuffix(), m.replyToSeq() == 0 ? null : m.replyToSeq(), m.mentions(),
                m.recalled());
    }
}
