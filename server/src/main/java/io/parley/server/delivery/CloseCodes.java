package io.parley.server.delivery;

/**
 * The WebSocket close codes Parley uses, for {@link DeviceConnection#close}. 1xxx are the standard codes of
 * RFC 6455; 4xxx are Parley's own, shaped after the HTTP status they resemble. docs/PROTOCOL.md explains
 * what a client should do on each.
 */
public final class CloseCodes {

    /** The server is shutting down; reconnect (to another node) after a short pause. */
    public static final int GOING_AWAY = 1001;
    /** A frame exceeded {@code parley.gateway.hard-max-frame-bytes}. */
    public static final int MESSAGE_TOO_BIG = 1009;
    /** The server failed unexpectedly on this connection. */
    public static final int INTERNAL_ERROR = 1011;
    /** The connect request was malformed, e.g. an invalid {@code device_id}. */
    public static final int BAD_REQUEST = 4400;
    /** Missing, invalid or expired access token: refresh the token, then reconnect. */
    public static final int UNAUTHENTICATED = 4401;
    /** Nothing was received for longer than the idle timeout. */
    public static final int IDLE = 4408;
    /** The same device connected again; the older connection gives way. Do not reconnect automatically. */
    public static final int REPLACED = 4409;
    /** The client did not read what the server sent fast enough. */
    public static final int TOO_SLOW = 4413;
    /** The client sent frames faster than allowed. */
    public static final int FLOOD = 4429;

    private CloseCodes() {
    }
}
