package io.parley.server.message;

import io.parley.protocol.ChatMessage;
import io.parley.protocol.MessageType;
import io.parley.protocol.SendAck;
import io.parley.server.user.UserCard;

/** Turns stored messages into their wire form, with the sender's name and avatar filled in. */
final class ChatMessages {

    private ChatMessages() {
    }

    static ChatMessage toProto(StoredMessage m, UserCard sender) {
        ChatMessage.Builder b = ChatMessage.newBuilder()
                .setMessageId(m.messageId())
                .setClientMessageId(m.clientMessageId())
                .setConversationId(m.conversationPublicId())
                .setSeq(m.seq())
                .setServerTime(m.createdAt().toEpochMilli())
                .setFrom(sender.uuid())
                .setFromUsername(sender.username())
                .setTo(recipient(m, sender.uuid()))
                .setContent(m.content())
                .setContentTypeValue(m.contentType())
                .setMessageType(m.inGroup() ? MessageType.GROUP : MessageType.SINGLE)
                .setReplyToSeq(m.replyToSeq())
                .addAllMentions(m.mentions())
                .setRecalled(m.recalled());
        if (sender.avatarUrl() != null) {
            b.setAvatar(sender.avatarUrl());
        }
        if (m.url() != null) {
            b.setUrl(m.url());
        }
        if (m.fileSuffix() != null) {
            b.setFileSuffix(m.fileSuffix());
        }
        return b.build();
    }

    static SendAck ack(StoredMessage m) {
        return SendAck.newBuilder()
                .setClientMessageId(m.clientMessageId())
                .setMessageId(m.messageId())
                .setConversationId(m.conversationPublicId())
                .setSeq(m.seq())
                .setServerTime(m.createdAt().toEpochMilli())
                .build();
    }

    /** Who a message was sent to: the group of a group conversation, or the other party of a 1:1 one. */
    static String recipient(StoredMessage m, String senderUuid) {
        String group = GroupConversations.groupId(m.conversationPublicId());
        return group != null ? group : otherParty(m.conversationPublicId(), senderUuid);
    }

    /** The other party of a 1:1 conversation, seen from {@code userUuid}. */
    static String otherParty(String conversationPublicId, String userUuid) {
        String[] parties = ConversationIds.directParties(conversationPublicId).orElseThrow();
        return parties[0].equals(userUuid) ? parties[1] : parties[0];
    }
}
