package io.parley.server.delivery;

/**
 * The stable codes of an {@code ErrorReply} frame. Clients branch on the name, so a name never changes
 * meaning; docs/PROTOCOL.md lists them all. {@code retryable} says whether the same frame may succeed later
 * unchanged.
 */
public enum FrameError {
    /** Not a protobuf {@code Frame}: undecodable, truncated, or a text WebSocket frame. */
    BAD_FRAME(false),
    /** A {@code Frame} with no kind this server knows (none set, or one from a newer protocol). */
    UNKNOWN_KIND(false),
    /** A kind only the server sends (welcome, pong, error, ack, deliver, sync_response, friend_event). */
    NOT_CLIENT_FRAME(false),
    /** Larger than {@code max_frame_bytes} of the Welcome frame. */
    FRAME_TOO_LARGE(false),
    /** The server failed while handling the frame; nothing was done, so it may be sent again. */
    INTERNAL_ERROR(true),
    /** A send whose chat message breaks a field rule (missing client_message_id, bad content type, too long...). */
    BAD_MESSAGE(false),
    /** A send with inline file bytes: upload the file and send its url instead. */
    INLINE_FILE_NOT_SUPPORTED(false),
    /** The recipient does not exist. */
    USER_NOT_FOUND(false),
    /** Only friends may message each other (unless the server allows messages from strangers). */
    NOT_FRIENDS(false),
    /** One of the two has blocked the other. */
    BLOCKED(false),
    /** No such conversation, or the user is not in it. */
    CONVERSATION_NOT_FOUND(false),
    /** The group does not exist, or the sender is not a member (the same answer for both). */
    GROUP_NOT_FOUND(false),
    /** The group was dissolved: its history stays readable, nobody can send to it. */
    GROUP_DISSOLVED(false),
    /** The sender is muted in this group. */
    MEMBER_MUTED(false),
    /** The whole group is muted: only its owner and admins may speak. */
    GROUP_MUTED(false),
    /** A recall or reply names a message that is not in the conversation (or not visible to the user). */
    MESSAGE_NOT_FOUND(false),
    /** Only the sender, or a group's owner and admins, may recall a message. */
    RECALL_NOT_ALLOWED(false),
    /** The recall window (parley.messages.recall-window) has passed. */
    RECALL_WINDOW_PASSED(false),
    /** The message was recalled already, or is itself a recall notice. */
    ALREADY_RECALLED(false),
    /** A sync request out of bounds (too many conversations listed). */
    BAD_SYNC(false),
    /** The message could not be stored (the database failed); nothing was stored, send it again. */
    STORE_UNAVAILABLE(true),
    /** The server is at capacity; send again shortly. */
    BUSY(true);

    private final boolean retryable;

    FrameError(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
