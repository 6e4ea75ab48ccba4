package io.parley.server.gateway;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.util.AttributeKey;
import io.parley.server.auth.AuthenticatedUser;
import io.parley.server.delivery.CloseCodes;
import io.parley.server.delivery.DeviceConnection;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A device's WebSocket as the rest of the server sees it. {@link #send} is safe to call from any thread: Netty
 * queues writes from other threads onto the channel's event loop. Fan-outs go through
 * {@link io.parley.server.delivery.FrameBatch}, which queues on the event loop itself and flushes once.
 */
final class ChannelDeviceConnection implements DeviceConnection {

    private static final AttributeKey<ChannelDeviceConnection> KEY =
            AttributeKey.valueOf(ChannelDeviceConnection.class, "connection");

    private final Channel channel;
    private final AuthenticatedUser user;
    private final String deviceId;
    private final GatewayMetrics metrics;
    private final AtomicBoolean closing = new AtomicBoolean();

    private ChannelDeviceConnection(Channel channel, AuthenticatedUser user, String deviceId, GatewayMetrics metrics) {
        this.channel = channel;
        this.user = user;
        this.deviceId = deviceId;
        this.metrics = metrics;
    }

    /** Makes the admitted channel a device connection, findable with {@link #of(Channel)}. */
    static ChannelDeviceConnection attach(Channel channel, Admission.Admitted admitted, GatewayMetrics metrics) {
        ChannelDeviceConnection connection = new ChannelDeviceConnection(channel, admitted.user(), admitted.deviceId(), metrics);
        channel.attr(KEY).set(connection);
        return connection;
    }

    /** The device connection of a channel, or null before (or without) a successful admission. */
    static ChannelDeviceConnection of(Channel channel) {
        return channel.attr(KEY).get();
    }

    @Override
    public AuthenticatedUser user() {
        return user;
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    /**
     * Queues the frame without blocking. The channel turns unwritable once more than
     * {@code parley.gateway.write-buffer-limit} is queued; a frame arriving while it still is means the client
     * is not keeping up, and queueing more would only grow memory, so the connection is closed instead.
     */
    @Override
    public void send(byte[] encodedFrame) {
        if (admits(encodedFrame)) {
            channel.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(encodedFrame)));
        }
    }

    @Override
    public Executor writeThread() {
        return channel.eventLoop();
    }

    /** As {@link #send}, without the flush: on the event loop, a write goes straight into the outbound buffer. */
    @Override
    public void queue(byte[] encodedFrame) {
        if (admits(encodedFrame)) {
            channel.write(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(encodedFrame)));
        }
    }

    @Override
    public void flush() {
        channel.flush();
    }

    /** False for a closing connection, or one too far behind (which it then closes); counts what it admits. */
    private boolean admits(byte[] encodedFrame) {
        if (closing.get() || !channel.isActive()) {
            return false;
        }
        if (!channel.isWritable()) {
            close(CloseCodes.TOO_SLOW, "too slow");
            return false;
        }
        metrics.frameOut(FrameHeader.of(encodedFrame).kind());
        return true;
    }

    @Override
    public void close(int closeCode, String reason) {
        if (closing.compareAndSet(false, true)) {
            metrics.closed(closeCode);
            ClosingHandshake.start(channel, closeCode, reason);
        }
    }

    /** True once the server started closing; frames from and to the device are dropped from then on. */
    boolean isClosing() {
        return closing.get();
    }

    @Override
    public String toString() {
        return "device " + deviceId + " of user " + user.uuid() + " at " + channel.remoteAddress();
    }
}
