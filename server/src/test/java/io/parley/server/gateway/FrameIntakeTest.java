package io.parley.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parley.protocol.Frame;
import io.parley.protocol.SendMessage;
import io.parley.server.auth.AuthenticatedUser;
import io.parley.server.delivery.DeviceConnection;
import io.parley.server.delivery.ErrorReplies;
import io.parley.server.message.InboundFrames;
import io.parley.server.web.ErrorMetrics;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** What cannot be provoked from outside: a core that fails on a frame. */
class FrameIntakeTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RecordingDevice device = new RecordingDevice();

    @Test
    void coreFailureIsAnsweredWithRetryableInternalErrorAndTheConnectionStaysOpen() throws Exception {
        InboundFrames failingCore = (from, frame) -> {
            throw new IllegalStateException("database on fire");
        };
        FrameIntake intake = new FrameIntake(properties(), failingCore, new ErrorReplies(new ErrorMetrics(registry)),
                new GatewayMetrics(registry, new LocalSessionDirectory()), Clock.systemUTC());

        intake.binary(device, ByteBuffer.wrap(Frame.newBuilder().setRef(12).setSend(SendMessage.getDefaultInstance())
                .build().toByteArray()));

        assertThat(device.sent).hasSize(1);
        Frame reply = Frame.parseFrom(device.sent.get(0));
        assertThat(reply.getRef()).isEqualTo(12);
        assertThat(reply.getError().getCode()).isEqualTo("INTERNAL_ERROR");
        assertThat(reply.getError().getRetryable()).isTrue();
        assertThat(device.closed).isFalse();
        assertThat(registry.get("parley.errors").tag("code", "INTERNAL_ERROR").counter().count()).isEqualTo(1);
    }

    private static GatewayProperties properties() {
        return new GatewayProperties(0, "/ws", List.of(), Duration.ofSeconds(25), Duration.ofSeconds(60), 1024, 4096,
                10, 10, Duration.ofSeconds(1), DataSize.ofKilobytes(64), false, 1);
    }

    private static final class RecordingDevice implements DeviceConnection {
        final List<byte[]> sent = new ArrayList<>();
        boolean closed;

        @Override
        public AuthenticatedUser user() {
            return new AuthenticatedUser(1, "uuid-1", "someone");
        }

        @Override
        public String deviceId() {
            return "d1";
        }

        @Override
        public void send(byte[] encodedFrame) {
            sent.add(encodedFrame);
        }

        @Override
        public void close(int closeCode, String reason) {
            closed = true;
        }
    }
}
