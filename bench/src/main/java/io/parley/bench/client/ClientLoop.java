package io.parley.bench.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bench's event loops: every connection of a run shares a few threads (many connections per loop). A run
 * can spread its connections over several loopback source addresses (127.0.0.2, 127.0.0.3, ...) so that more
 * connections are possible than one address has ephemeral ports. On Linux it uses epoll through Netty's native
 * library, as the server does: the JDK's selector cost the bench more CPU per message than the server spent.
 */
public final class ClientLoop implements AutoCloseable {

    private static final boolean EPOLL = Epoll.isAvailable();

    private final EventLoopGroup group;
    private final Class<? extends SocketChannel> channelType;
    private final List<InetAddress> sourceAddresses;
    private final AtomicInteger nextSource = new AtomicInteger();

    public ClientLoop(int threads, List<InetAddress> sourceAddresses) {
        IoHandlerFactory handlers = EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.group = new MultiThreadIoEventLoopGroup(threads, handlers);
        this.channelType = EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
        this.sourceAddresses = List.copyOf(sourceAddresses);
    }

    /** A bootstrap for one connection; its channel is bound to the next source address in turn, if any. */
    ChannelFuture connect(InetSocketAddress remote, ClientInitializer initializer) {
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(channelType)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 15_000)
                .handler(initializer);
        if (sourceAddresses.isEmpty()) {
            return bootstrap.connect(remote);
        }
        InetAddress source = sourceAddresses.get(Math.floorMod(nextSource.getAndIncrement(), sourceAddresses.size()));
        return bootstrap.connect(remote, new InetSocketAddress(source, 0));
    }

    public EventLoopGroup group() {
        return group;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
