package io.parley.server.delivery;

import io.parley.protocol.Frame;
import org.springframework.stereotype.Component;

/** Sends server-initiated frames to users' connected devices, encoding each frame once and batching the writes. */
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

    /**
     * Writes the same encoded frame to every device of every user, except {@code skip} (the device that
     * caused it and gets its own answer), and returns how many devices it was queued for.
     */
    public int toUsers(long[] userIds, byte[] encodedFrame, DeviceConnection skip) {
        FrameBatch batch = new FrameBatch();
        int count = addToUsers(batch, userIds, encodedFrame, skip);
        batch.send();
        return count;
    }

    /** Like {@link #toUsers}, but adds the writes to a batch the caller sends with more. */
    public int addToUsers(FrameBatch batch, long[] userIds, byte[] encodedFrame, DeviceConnection skip) {
        int before = batch.size();
        for (long userId : userIds) {
            for (DeviceConnection device : directory.devicesOf(userId)) {
                if (device != skip) {
                    batch.add(device, encodedFrame);
                }
            }
        }
        return batch.size() - before;
    }
}
