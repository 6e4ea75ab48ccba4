package io.parley.server.gateway;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.ChannelGroupFuture;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.parley.server.delivery.CloseCodes;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The WebSocket gateway's listening socket, started and stopped with the application. It starts after and
 * stops before everything else (highest phase), so it never takes a frame the rest of the server cannot
 * handle, and on shutdown every client is told "going away" (1001) while the database is still there.
 */
@Component
public class GatewayServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GatewayServer.class);
    private static final long EVENT_LOOP_SHUTDOWN_SECONDS = 2;

    private final GatewayProperties properties;
    private final GatewayInitializer initializer;
    private EventLoopGroup acceptors;
    private EventLoopGroup workers;
    private volatile Channel serverChannel;
    private volatile Transport transport;

    GatewayServer(GatewayProperties properties, GatewayInitializer initializer) {
        this.properties = properties;
        this.initializer = initializer;
    }

    /** The socket layer in use: "epoll" where Netty's native library loads (and is allowed), else "nio". */
    public String transportName() {
        Transport current = transport;
        if (current == null) {
            throw new IllegalStateException("The gateway is not running");
        }
        return current.name();
    }

    /** The port the gateway listens on: the configured one, or the one picked when configured as 0. */
    public int port() {
        Channel channel = serverChannel;
        if (channel == null) {
            throw new IllegalStateException("The gateway is not running");
        }
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void start() {
        transport = Transport.best(properties.nativeTransport());
        acceptors = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("gateway-accept"), transport.handlers().get());
        workers = new MultiThreadIoEventLoopGroup(properties.eventLoops(), new DefaultThreadFactory("gateway-io"), transport.handlers().get());
        long limit = properties.writeBufferLimit().toBytes();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptors, workers)
                .channel(transport.serverChannel())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark((int) limit / 2, (int) limit))
                .childHandler(initializer);
        try {
            serverChannel = bootstrap.bind(properties.port()).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            shutDownEventLoops();
            throw new IllegalStateException("The WebSocket gateway cannot listen on port " + properties.port(), e);
        }
        InetSocketAddress bound = (InetSocketAddress) serverChannel.localAddress();
        String host = bound.getAddress().isAnyLocalAddress() ? "0.0.0.0" : bound.getHostString();
        log.info("WebSocket gateway listening on ws://{}:{}{} ({})", host, bound.getPort(), properties.path(), transport.name());
    }

    /**
     * Stops accepting, tells every connection "going away" (1001), gives them {@code shutdown-grace} to close,
     * cuts off the rest and stops the event loops.
     */
    @Override
    public void stop() {
        Channel listening = serverChannel;
        if (listening == null) {
            return;
        }
        listening.close().syncUninterruptibly();
        ChannelGroup open = initializer.openChannels();
        log.info("WebSocket gateway stopping: closing {} connections", open.size());
        ChannelGroupFuture allClosed = open.newCloseFuture();
        for (Channel channel : open) {
            ChannelDeviceConnection connection = ChannelDeviceConnection.of(channel);
            if (connection != null) {
                connection.close(CloseCodes.GOING_AWAY, "going away");
            } else {
                channel.close();
            }
        }
        if (!allClosed.awaitUninterruptibly(properties.shutdownGrace().toMillis())) {
            log.info("WebSocket gateway: {} connections did not close within {}, cutting them off", open.size(),
                    properties.shutdownGrace());
            open.close().awaitUninterruptibly(EVENT_LOOP_SHUTDOWN_SECONDS, TimeUnit.SECONDS);
        }
        shutDownEventLoops();
        serverChannel = null;
        log.info("WebSocket gateway stopped");
    }

    private void shutDownEventLoops() {
        acceptors.shutdownGracefully(0, EVENT_LOOP_SHUTDOWN_SECONDS, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, EVENT_LOOP_SHUTDOWN_SECONDS, TimeUnit.SECONDS);
        acceptors.terminationFuture().awaitUninterruptibly(EVENT_LOOP_SHUTDOWN_SECONDS * 2, TimeUnit.SECONDS);
        workers.terminationFuture().awaitUninterruptibly(EVENT_LOOP_SHUTDOWN_SECONDS * 2, TimeUnit.SECONDS);
    }

    @Override
    public boolean isRunning() {
        return serverChannel != null;
    }

    /** Highest phase: started last, stopped first. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
