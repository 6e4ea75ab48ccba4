package io.parley.server.delivery;

import io.parley.server.auth.AuthenticatedUser;

/**
 * One connected device of a user, as the rest of the server sees it. The gateway implements it; nothing
 * outside the gateway knows it is a WebSocket.
 */
public interface DeviceConnection {

    AuthenticatedUser user();

    /** Chosen by the client at connect time, or assigned by the server; unique among the user's devices. */
    String deviceId();

    /**
     * Queues an encoded {@code Frame} for this device without blocking. The same array may be handed to many
     * devices (encode once, write many) and must not be changed afterwards. A device whose outbound buffer
     * is full is disconnected instead of growing memory; it catches up by syncing when it reconnects.
     */
    void send(byte[] encodedFrame);

    /** Closes the connection with a WebSocket close code from docs/PROTOCOL.md. */
    void close(int closeCode, String reason);
}
