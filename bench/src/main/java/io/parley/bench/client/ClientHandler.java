package io.parley.bench.client;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.parley.protocol.Frame;
import java.io.IOException;

/** Decodes every binary frame into a protobuf {@link Frame} and hands it to the connection. */
final class ClientHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private final BenchClient client;

    ClientHandler(BenchClient client) {
        this.client = client;
    }

    /** Runs on the event loop before the connect starts, so the client knows its channel before any event. */
    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        client.attach(ctx.channel());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) throws IOException {
        long receivedNanos = System.nanoTime();
        if (frame instanceof BinaryWebSocketFrame) {
            ByteBuf content = frame.content();
            client.received(Frame.parseFrom(content.nioBuffer()), receivedNanos);
        } else if (frame instanceof CloseWebSocketFrame close) {
            client.closedByServer(close.statusCode());
            ctx.writeAndFlush(new CloseWebSocketFrame(close.statusCode(), "")).addListener(f -> ctx.close());
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        client.ended();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        client.failed(cause);
        ctx.close();
    }
}
