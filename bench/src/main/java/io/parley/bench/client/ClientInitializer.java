package io.parley.bench.client;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.flush.FlushConsolidationHandler;
import java.net.URI;

/** The pipeline of one bench connection, in the order bytes flow in: Netty does the WebSocket work. */
final class ClientInitializer extends ChannelInitializer<SocketChannel> {

    /** Sync responses of 1,000 messages are a few hundred KB; leave room. */
    private static final int MAX_FRAME_BYTES = 64 * 1024 * 1024;

    private final URI uri;
    private final String accessToken;
    private final ClientHandler handler;

    ClientInitializer(URI uri, String accessToken, ClientHandler handler) {
        this.uri = uri;
        this.accessToken = accessToken;
        this.handler = handler;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        DefaultHttpHeaders headers = new DefaultHttpHeaders();
        headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + accessToken);
        ChannelPipeline pipeline = channel.pipeline();
        // Senders write from acks and timers; coalesce their flushes into few system calls.
        pipeline.addLast(new FlushConsolidationHandler(FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true));
        pipeline.addLast(new HttpClientCodec());
        pipeline.addLast(new HttpObjectAggregator(8192));
        pipeline.addLast(new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .customHeaders(headers)
                .maxFramePayloadLength(MAX_FRAME_BYTES)
                .handleCloseFrames(false)      // the handler reads the close code
                .dropPongFrames(true)
                .handshakeTimeoutMillis(30_000)
                .generateOriginHeader(false)   // a native client: no Origin, the token authenticates
                .build()));
        pipeline.addLast(new WebSocketFrameAggregator(MAX_FRAME_BYTES));
        pipeline.addLast(handler);
    }
}
