package io.parley.server.message;

import io.parley.protocol.Frame;
import io.parley.server.delivery.DeviceConnection;

/**
 * The one narrow port through which the gateway hands an accepted frame to the server core. By the time a
 * frame gets here it was decoded, size-checked and rate-limited, and {@code from} is the authenticated
 * session: the sender is {@code from.user()}, whatever the frame says. Answers go back through
 * {@link DeviceConnection#send}.
 */
public interface InboundFrames {

    void accept(DeviceConnection from, Frame frame);
}
