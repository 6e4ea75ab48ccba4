package io.parley.bench.client;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.parley.protocol.Frame;
import io.parley.protocol.Ping;
import io.parley.protocol.Welcome;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One device's WebSocket: connects with the account's token, waits for the Welcome, then pings as the server
 * asked and hands every other frame to its {@link FrameListener}. Safe to send from any thread.
 */
public final class BenchClient {

    private final Account account;
    private final String deviceId;
    private final ConnectionStats stats;
    private final CompletableFuture<BenchClient> welcomed = new CompletableFuture<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile FrameListener listener;
    private volatile Channel channel;
    private volatile Welcome welcome;
    private volatile int closeCode = -1;
    private ScheduledFuture<?> heartbeat;

    private BenchClient(Account account, String deviceId, FrameListener listener, ConnectionStats stats) {
        this.account = account;
        this.deviceId = deviceId;
        this.listener = listener;
        this.stats = stats;
    }

    /** Opens the connection; the future completes once the server's Welcome arrived. */
    public static CompletableFuture<BenchClient> connect(ClientLoop loop, Endpoint endpoint, Account account,
            String deviceId, FrameListener listener, ConnectionStats stats) {
        BenchClient client = new BenchClient(account, deviceId, listener, stats);
        ClientInitializer initializer = new ClientInitializer(endpoint.wsUri(deviceId), account.accessToken(),
                new ClientHandler(client));
        ChannelFuture connecting = loop.connect(endpoint.gatewayAddress(), initializer);
        client.attach(connecting.channel());
        connecting.addListener(f -> {
            if (!f.isSuccess()) {
                client.welcomed.completeExceptionally(f.cause());
                client.closed.complete(-1);
            }
        });
        return client.welcomed;
    }

    public Account account() {
        return account;
    }

    public String deviceId() {
        return deviceId;
    }

    public Welcome welcome() {
        return welcome;
    }

    public EventLoop eventLoop() {
        return channel.eventLoop();
    }

    public boolean isOpen() {
        return channel.isActive() && !closing.get();
    }

    public void listenWith(FrameListener listener) {
        this.listener = listener;
    }

    /** Completes with the close code once the connection is gone (-1 when there was none). */
    public CompletableFuture<Integer> closed() {
        return closed;
    }

    public void send(Frame frame) {
        channel.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(frame.toByteArray())));
    }

    /** Closes with 1000, as a client that is done does. */
    public CompletableFuture<Integer> close() {
        if (closing.compareAndSet(false, true) && channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(1000, "bench done"))
                    .addListener(f -> channel.eventLoop().schedule(() -> channel.close(), 2, TimeUnit.SECONDS));
        } else {
            channel.close();
        }
        return closed;
    }

    /**
     * Set from the pipeline (before the connect starts) as well as by {@link #connect}: on a busy machine the
     * whole handshake can finish on the event loop before the connecting thread gets to run again.
     */
    void attach(Channel channel) {
        this.channel = channel;
    }

    void received(Frame frame, long receivedNanos) {
        if (welcome == null && frame.hasWelcome()) {
            welcome = frame.getWelcome();
            startHeartbeat(welcome.getHeartbeatIntervalSeconds());
            welcomed.complete(this);
            return;
        }
        if (frame.hasPong()) {
            stats.pongReceived();
            return;
        }
        listener.onFrame(this, frame, receivedNanos);
    }

    void closedByServer(int code) {
        closeCode = code;
        if (!closing.get()) {
            stats.closedByServer(code);
        }
        closing.set(true);
    }

    void ended() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        if (!closing.get()) {
            stats.closedByServer(-1);
        }
        welcomed.completeExceptionally(new IllegalStateException(
                "connection of " + account.username() + " closed before the Welcome, close code " + closeCode));
        listener.onClose(this, closeCode);
        closed.complete(closeCode);
    }

    void failed(Throwable cause) {
        welcomed.completeExceptionally(cause);
    }

    /** Pings as often as the Welcome asks, each connection at its own phase so pings do not come in waves. */
    private void startHeartbeat(int intervalSeconds) {
        long periodMillis = Math.max(1, intervalSeconds) * 1000L;
        long firstMillis = ThreadLocalRandom.current().nextLong(periodMillis);
        heartbeat = channel.eventLoop().scheduleAtFixedRate(() -> {
            stats.pingSent();
            send(Frame.newBuilder().setPing(Ping.newBuilder().setClientTime(System.currentTimeMillis())).build());
        }, firstMillis, periodMillis, TimeUnit.MILLISECONDS);
    }
}
