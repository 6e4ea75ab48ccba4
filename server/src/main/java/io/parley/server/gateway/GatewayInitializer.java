package io.parley.server.gateway;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The pipeline of every gateway connection, top to bottom in the order bytes flow in. Netty's handlers do the
 * protocol work; the gateway's own are the handshake guard, the flood guard and the frame handler.
 */
@Component
@ChannelHandler.Sharable
class GatewayInitializer extends ChannelInitializer<SocketChannel> {

    /** An upgrade request has no body; anything bigger than this is not one. */
    private static final int MAX_HANDSHAKE_BYTES = 8192;

    private final GatewayProperties properties;
    private final HandshakePolicy policy;
    private final DeviceSessions sessions;
    private final FrameIntake intake;
    private final GatewayMetrics metrics;
    private final ChannelGroup openChannels = new DefaultChannelGroup("gateway", GlobalEventExecutor.INSTANCE);

    GatewayInitializer(GatewayProperties properties, HandshakePolicy policy, DeviceSessions sessions,
            FrameIntake intake, GatewayMetrics metrics) {
        this.properties = properties;
        this.policy = policy;
        this.sessions = sessions;
        this.intake = intake;
        this.metrics = metrics;
    }

    /** Every connection still open, upgraded or not; a channel leaves the group when it closes. */
    ChannelGroup openChannels() {
        return openChannels;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        openChannels.add(channel);
        ChannelPipeline pipeline = channel.pipeline();
        // First, so that the flushes of all handlers while a read is in progress are coalesced. Pushes from other
        // threads come in batches already flushed once per device (FrameBatch); deferring those flushes to a
        // task of their own would only add a hand-over per device.
        pipeline.addLast(new FlushConsolidationHandler(FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, false));
        pipeline.addLast(new HttpServerCodec());
        pipeline.addLast(new HttpObjectAggregator(MAX_HANDSHAKE_BYTES));
        pipeline.addLast(new HandshakeGuard(properties.path(), policy));
        pipeline.addLast(new FloodGuard(properties));
        pipeline.addLast(new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(properties.path())
                .checkStartsWith(true)          // the path may carry a query (?access_token=...)
                .maxFramePayloadLength(properties.hardMaxFrameBytes())
                .forceCloseTimeoutMillis(ClosingHandshake.TIMEOUT.toMillis())
                .build()));
        pipeline.addLast(new WebSocketFrameAggregator(properties.hardMaxFrameBytes()));
        pipeline.addLast(new IdleStateHandler(properties.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
        pipeline.addLast(new FrameHandler(sessions, intake, metrics));
    }
}
