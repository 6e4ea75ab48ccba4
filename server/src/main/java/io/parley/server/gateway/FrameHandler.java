package io.parley.server.gateway;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.parley.server.delivery.CloseCodes;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler: turns a finished handshake into a device session (or a refusal), hands each whole data
 * frame to {@link FrameIntake}, closes silent connections, and maps Netty's failures to close codes.
 */
final class FrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private static final Logger log = LoggerFactory.getLogger(FrameHandler.class);

    private final DeviceSessions sessions;
    private final FrameIntake intake;
    private final GatewayMetrics metrics;
    private ChannelDeviceConnection connection;

    FrameHandler(DeviceSessions sessions, FrameIntake intake, GatewayMetrics metrics) {
        this.sessions = sessions;
        this.intake = intake;
        this.metrics = metrics;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof HandshakeComplete) {
            upgraded(ctx);
        } else if (event instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE) {
            if (connection != null) {
                connection.close(CloseCodes.IDLE, "idle");
            } else {
                ctx.close();
            }
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    private void upgraded(ChannelHandlerContext ctx) {
        Admission admission = HandshakeGuard.admissionOf(ctx.channel());
        if (admission instanceof Admission.Admitted admitted) {
            ChannelDeviceConnection opened = ChannelDeviceConnection.attach(ctx.channel(), admitted, metrics);
            connection = opened;
            sessions.opened(opened);
            // After opened: a channel that is already closed runs this listener at once, and closing before
            // opening would leave the device registered (and its user online) forever.
            ctx.channel().closeFuture().addListener(closed -> sessions.closed(opened));
        } else if (admission instanceof Admission.Refused refused) {
            metrics.closed(refused.closeCode());
            ClosingHandshake.start(ctx.channel(), refused.closeCode(), refused.reason());
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (connection == null || connection.isClosing()) {
            return;
        }
        if (frame instanceof BinaryWebSocketFrame) {
            intake.binary(connection, frame.content().nioBuffer());
        } else if (frame instanceof TextWebSocketFrame) {
            intake.text(connection);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof CorruptedWebSocketFrameException corrupted) {
            // Netty's frame decoder has already sent the close frame (1009 for a frame over the hard limit).
            metrics.closed(corrupted.closeStatus().code());
        } else if (cause instanceof TooLongFrameException && connection != null) {
            connection.close(CloseCodes.MESSAGE_TOO_BIG, "message too big");
        } else if (cause instanceof IOException) {
            log.debug("Connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
            ctx.close();
        } else if (connection != null) {
            log.warn("Unexpected failure on {}", connection, cause);
            connection.close(CloseCodes.INTERNAL_ERROR, "internal error");
        } else {
            log.warn("Unexpected failure on {}", ctx.channel().remoteAddress(), cause);
            ctx.close();
        }
    }
}
