package io.parley.bench.client;

import io.parley.protocol.Frame;

/** What a scenario does with the frames one connection receives. Called on the connection's event loop. */
public interface FrameListener {

    /** @param receivedNanos {@link System#nanoTime()} when the frame was read, before decoding */
    void onFrame(BenchClient client, Frame frame, long receivedNanos);

    /** The connection closed; {@code closeCode} is the server's close code, or -1 when the socket just ended. */
    default void onClose(BenchClient client, int closeCode) {
    }

    FrameListener IGNORE = (client, frame, receivedNanos) -> { };
}
