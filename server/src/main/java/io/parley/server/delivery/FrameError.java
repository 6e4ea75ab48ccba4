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
    /** The server does not offer this feature (yet). */
    NOT_AVAILABLE(false),
    /** The server failed while handling the frame; nothing was done, so it may be sent again. */
    INTERNAL_ERROR(true);

    private final boolean retryable;

    FrameError(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
