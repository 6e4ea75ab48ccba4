package io.parley.server.gateway;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.util.function.Supplier;

/**
 * The gateway's socket layer: Linux's epoll through Netty's native library where it loads, which costs fewer
 * system calls and thread wake-ups per frame than the JDK's selector; the JDK's selector everywhere else.
 */
record Transport(String name, Supplier<IoHandlerFactory> handlers, Class<? extends ServerChannel> serverChannel) {

    static Transport best(boolean nativeAllowed) {
        if (nativeAllowed && Epoll.isAvailable()) {
            return new Transport("epoll", EpollIoHandler::newFactory, EpollServerSocketChannel.class);
        }
        return new Transport("nio", NioIoHandler::newFactory, NioServerSocketChannel.class);
    }
}
