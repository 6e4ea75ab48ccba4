package io.parley.server.delivery;

/**
 * Told when a device connects to or disconnects from this node, for features that follow who is connected
 * (presence). The gateway calls every listener bean; a listener never sees a WebSocket.
 *
 * <p>Contract: {@link #connected} is called once the device is reachable through {@link SessionDirectory};
 * {@link #disconnected} exactly once per connected device, after it left the directory, never before its
 * {@code connected}. A device replaced by a reconnect of the same device id is disconnected like any other.
 * Both are called on the connection's I/O thread: do not block, hand slow work to a thread of your own.
 */
public interface DeviceListener {

    void connected(DeviceConnection device);

    void disconnected(DeviceConnection device);
}
