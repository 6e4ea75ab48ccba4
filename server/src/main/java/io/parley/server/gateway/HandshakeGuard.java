package io.parley.server.gateway;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.AttributeKey;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Looks at the upgrade request before Netty completes the WebSocket handshake. A wrong path gets 404 and a
 * browser page from an origin not on the allow list gets 403, both without an upgrade. Everything else
 * upgrades, carrying the {@link Admission} decided here; a refused token or device id is answered with a
 * close code once the socket is open. The guard leaves the pipeline after the first request.
 */
final class HandshakeGuard extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final AttributeKey<Admission> ADMISSION = AttributeKey.valueOf(HandshakeGuard.class, "admission");

    private final String path;
    private final HandshakePolicy policy;

    HandshakeGuard(String path, HandshakePolicy policy) {
        this.path = path;
        this.policy = policy;
    }

    /** What the guard decided for this channel's upgrade request. */
    static Admission admissionOf(Channel channel) {
        return channel.attr(ADMISSION).get();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        QueryStringDecoder uri;
        try {
            uri = new QueryStringDecoder(request.uri());
        } catch (IllegalArgumentException malformed) {
            respond(ctx, HttpResponseStatus.BAD_REQUEST, "Malformed request URI");
            return;
        }
        if (!uri.path().equals(path)) {
            respond(ctx, HttpResponseStatus.NOT_FOUND, "The WebSocket is at " + path);
            return;
        }
        if (!policy.originAllowed(request.headers().get(HttpHeaderNames.ORIGIN))) {
            respond(ctx, HttpResponseStatus.FORBIDDEN, "Origin not allowed");
            return;
        }
        Admission admission = policy.admit(request.headers().get(HttpHeaderNames.AUTHORIZATION),
                first(uri, "access_token"), first(uri, "device_id"));
        ctx.channel().attr(ADMISSION).set(admission);
        ctx.pipeline().remove(this);
        ctx.fireChannelRead(request.retain());
    }

    private static String first(QueryStringDecoder uri, String name) {
        List<String> values = uri.parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static void respond(ChannelHandlerContext ctx, HttpResponseStatus status, String text) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN + "; charset=UTF-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
