package io.parley.server.gateway;

import com.google.protobuf.InvalidProtocolBufferException;
import io.parley.protocol.Frame;
import io.parley.protocol.Pong;
import io.parley.server.delivery.DeviceConnection;
import io.parley.server.delivery.ErrorReplies;
import io.parley.server.delivery.FrameError;
import io.parley.server.message.InboundFrames;
import java.nio.ByteBuffer;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a frame from a device means: checked against the size limit, decoded, answered here when it is about
 * the connection itself (ping), handed to the core through {@link InboundFrames} when it is chat, refused with
 * an error reply otherwise. A refused frame never closes the connection.
 */
@Component
class FrameIntake {

    private static final Logger log = LoggerFactory.getLogger(FrameIntake.class);

    private final int maxFrameBytes;
    private final InboundFrames core;
    private final ErrorReplies errors;
    private final GatewayMetrics metrics;
    private final Clock clock;

    FrameIntake(GatewayProperties properties, InboundFrames core, ErrorReplies errors, GatewayMetrics metrics, Clock clock) {
        this.maxFrameBytes = properties.maxFrameBytes();
        this.core = core;
        this.errors = errors;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** A binary WebSocket message: one encoded {@link Frame}. The buffer is only valid during the call. */
    void binary(DeviceConnection from, ByteBuffer payload) {
        if (payload.remaining() > maxFrameBytes) {
            metrics.invalidFrameIn();
            errors.send(from, FrameHeader.of(payload).ref(), FrameError.FRAME_TOO_LARGE,
                    "frame of " + payload.remaining() + " bytes is over the limit of " + maxFrameBytes);
            return;
        }
        Frame frame;
        try {
            frame = Frame.parseFrom(payload.duplicate());
        } catch (InvalidProtocolBufferException e) {
            metrics.invalidFrameIn();
            errors.send(from, FrameHeader.of(payload).ref(), FrameError.BAD_FRAME, "not a protobuf Frame");
            return;
        }
        metrics.frameIn(frame.getKindCase());
        switch (classify(frame.getKindCase())) {
            case HEARTBEAT -> from.send(pong(frame).toByteArray());
            case CHAT -> handToCore(from, frame);
            case SERVER_ONLY -> errors.send(from, frame.getRef(), FrameError.NOT_CLIENT_FRAME,
                    GatewayMetrics.tagOf(frame.getKindCase()) + " frames are sent by the server only");
            case UNKNOWN -> errors.send(from, frame.getRef(), FrameError.UNKNOWN_KIND, "frame has no kind this server knows");
        }
    }

    /** A text WebSocket message: not part of the protocol. */
    void text(DeviceConnection from) {
        metrics.invalidFrameIn();
        errors.send(from, 0, FrameError.BAD_FRAME, "text frames are not accepted: send binary protobuf frames");
    }

    private enum Route { HEARTBEAT, CHAT, SERVER_ONLY, UNKNOWN }

    /** Exhaustive on purpose: a kind added to parley.proto does not compile until it is routed here. */
    private static Route classify(Frame.KindCase kind) {
        return switch (kind) {
            case PING -> Route.HEARTBEAT;
            case SEND, SYNC_REQUEST, READ_RECEIPT, RECALL, TYPING -> Route.CHAT;
            case WELCOME, PONG, ERROR, ACK, DELIVER, SYNC_RESPONSE, FRIEND_EVENT, PRESENCE, GROUP_EVENT -> Route.SERVER_ONLY;
            case KIND_NOT_SET -> Route.UNKNOWN;
        };
    }

    private void handToCore(DeviceConnection from, Frame frame) {
        try {
            core.accept(from, frame);
        } catch (RuntimeException e) {
            log.error("The core failed on a {} frame from {}", GatewayMetrics.tagOf(frame.getKindCase()), from, e);
            errors.send(from, frame.getRef(), FrameError.INTERNAL_ERROR, "the server failed on this frame");
        }
    }

    private Frame pong(Frame ping) {
        return Frame.newBuilder()
                .setRef(ping.getRef())
                .setPong(Pong.newBuilder()
                        .setClientTime(ping.getPing().getClientTime())
                        .setServerTime(clock.millis()))
                .build();
    }
}
