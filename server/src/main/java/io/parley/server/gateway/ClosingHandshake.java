package io.parley.server.gateway;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Starts the WebSocket closing handshake from the server side. The peer should answer with its own close
 * frame, upon which Netty closes the TCP connection; a peer that never answers (or never reads) is cut off
 * after {@link #TIMEOUT}.
 */
final class ClosingHandshake {

    /** How long a peer gets to answer a close frame. Also Netty's limit for a close frame stuck in a full buffer. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private ClosingHandshake() {
    }

    static void start(Channel channel, int code, String reason) {
        channel.writeAndFlush(new CloseWebSocketFrame(code, reason));
        var cutOff = channel.eventLoop().schedule(() -> {
            channel.close();
        }, TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        channel.closeFuture().addListener(closed -> cutOff.cancel(false));
    }
}
