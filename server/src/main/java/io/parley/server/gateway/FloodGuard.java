package io.parley.server.gateway;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.parley.server.delivery.CloseCodes;

/**
 * Limits how fast one connection may send: every WebSocket frame (data and control alike) takes a token from
 * the connection's bucket. A connection that empties it is closed with 4429 and nothing more it sends is
 * read, except its answer to the close.
 */
final class FloodGuard extends ChannelInboundHandlerAdapter {

    private final TokenBucket bucket;
    private boolean flooded;

    FloodGuard(GatewayProperties properties) {
        this.bucket = new TokenBucket(properties.framesPerSecond(), properties.frameBurst(), System.nanoTime());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof WebSocketFrame) || msg instanceof CloseWebSocketFrame) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (!flooded && bucket.tryTake(System.nanoTime())) {
            ctx.fireChannelRead(msg);
            return;
        }
        ReferenceCountUtil.release(msg);
        if (!flooded) {
            flooded = true;
            ChannelDeviceConnection connection = ChannelDeviceConnection.of(ctx.channel());
            if (connection != null) {
                connection.close(CloseCodes.FLOOD, "too many frames");
            }
        }
    }
}
