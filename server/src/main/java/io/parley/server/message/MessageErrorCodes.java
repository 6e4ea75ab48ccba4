package io.parley.server.message;

/** ErrorReply codes of the message path; docs/PROTOCOL.md explains each. */
final class MessageErrorCodes {

    static final String BAD_MESSAGE = "BAD_MESSAGE";
    static final String INLINE_FILE_NOT_SUPPORTED = "INLINE_FILE_NOT_SUPPORTED";
    static final String GROUPS_NOT_AVAILABLE = "GROUPS_NOT_AVAILABLE";
    static final String USER_NOT_FOUND = "USER_NOT_FOUND";
    static final String NOT_FRIENDS = "NOT_FRIENDS";
    static final String BLOCKED = "BLOCKED";
    static final String CONVERSATION_NOT_FOUND = "CONVERSATION_NOT_FOUND";
    static final String BAD_SYNC = "BAD_SYNC";
    static final String STORE_UNAVAILABLE = "STORE_UNAVAILABLE";
    static final String BUSY = "BUSY";

    private MessageErrorCodes() {
    }
}
