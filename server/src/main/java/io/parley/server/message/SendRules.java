package io.parley.server.message;

import io.parley.protocol.ChatMessage;
import io.parley.protocol.ContentType;
import io.parley.protocol.MessageType;
import io.parley.server.delivery.FrameError;
import java.util.Optional;

/**
 * What a sent chat message must look like before it may enter the writer: field limits and kinds. Pure
 * checks on the frame, no lookups; who may message whom is decided later, in the writer.
 */
final class SendRules {

    static final int MAX_CLIENT_MESSAGE_ID = 64;
    static final int MAX_CONTENT_BYTES = 16_384;
    static final int MAX_URL_BYTES = 2_048;
    static final int MAX_FILE_SUFFIX_BYTES = 16;
    static final int MAX_MENTIONS = 50;

    private SendRules() {
    }

    static Optional<Refusal> check(ChatMessage message) {
        String clientId = message.getClientMessageId();
        if (clientId.isEmpty() || message.getClientMessageIdBytes().size() > MAX_CLIENT_MESSAGE_ID) {
            return refuse("client_message_id is required, at most " + MAX_CLIENT_MESSAGE_ID + " bytes");
        }
        MessageType kind = message.getMessageType();
        if (kind != MessageType.SINGLE && kind != MessageType.GROUP) {
            return refuse("message_type must be SINGLE (1) or GROUP (2)");
        }
        if (!ConversationIds.isUserId(message.getTo())) {
            return refuse(kind == MessageType.GROUP ? "to must be a group id" : "to must be a user id");
        }
        if (message.getMentionsCount() > 0 && kind != MessageType.GROUP) {
            return refuse("mentions are for group messages");
        }
        if (message.getMentionsCount() > MAX_MENTIONS) {
            return refuse("at most " + MAX_MENTIONS + " mentions");
        }
        if (!message.getMentionsList().stream().allMatch(ConversationIds::isUserId)) {
            return refuse("mentions must be user ids");
        }
        int type = message.getContentTypeValue();
        if (type < ContentType.TEXT_VALUE || type > ContentType.VIDEO_CALL_VALUE) {
            return refuse("content_type must be 1 (text) to 7 (video call)");
        }
        if (!message.getFile().isEmpty()) {
            return Optional.of(new Refusal(FrameError.INLINE_FILE_NOT_SUPPORTED,
                    "Inline file bytes are not accepted; upload the file and send its url"));
        }
        if (message.getContentBytes().size() > MAX_CONTENT_BYTES) {
            return refuse("content is over " + MAX_CONTENT_BYTES + " bytes");
        }
        if (type == ContentType.TEXT_VALUE && message.getContent().isBlank()) {
            return refuse("a text message needs content");
        }
        if (message.getUrlBytes().size() > MAX_URL_BYTES) {
            return refuse("url is over " + MAX_URL_BYTES + " bytes");
        }
        if (message.getFileSuffixBytes().size() > MAX_FILE_SUFFIX_BYTES) {
            return refuse("file_suffix is over " + MAX_FILE_SUFFIX_BYTES + " bytes");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(String why) {
        return Optional.of(new Refusal(FrameError.BAD_MESSAGE, why));
    }
}
