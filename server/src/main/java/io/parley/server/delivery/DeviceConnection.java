package io.parley.server.delivery;

import io.parley.server.auth.AuthenticatedUser;
import java.util.concurrent.Executor;

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

    /**
     * The thread that writes to this device. {@link FrameBatch} hands each such thread all of a batch's frames
     * for its devices in one task, instead of one hand-over per frame; {@link #queue} and {@link #flush} may
     * be called only on it. A device without a thread of its own writes on the caller's.
     */
    default Executor writeThread() {
        return Runnable::run;
    }

    /** Like {@link #send}, but leaves the frame queued until {@link #flush}; only on {@link #writeThread}. */
    default void queue(byte[] encodedFrame) {
        send(encodedFrame);
    }

    /** Writes out what {@link #queue} queued; only on {@link #writeThread}. */
    default void flush() {
    }

    /** Closes the connection with a WebSocket close code from docs/PROTOCOL.md. */
    void close(int closeCode, String reason);
}
