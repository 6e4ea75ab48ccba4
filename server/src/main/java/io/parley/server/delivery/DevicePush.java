package io.parley.server.delivery;

import io.parley.protocol.Frame;
import org.springframework.stereotype.Component;

/** Sends a server-initiated frame to every connected device of a user, encoding it once. */
@Component
public class DevicePush {

    private final SessionDirectory directory;

    public DevicePush(SessionDirectory directory) {
        this.directory = directory;
    }

    /** Returns how many devices the frame was queued for. */
    public int toUser(long userId, Frame frame) {
        var devices = directory.devicesOf(userId);
        if (devices.isEmpty()) {
            return 0;
        }
        byte[] encoded = frame.toByteArray();
        devices.forEach(device -> device.send(encoded));
        return devices.size();
    }
}
