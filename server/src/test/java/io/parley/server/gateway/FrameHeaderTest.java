package io.parley.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.protocol.ChatMessage;
import io.parley.protocol.Deliver;
import io.parley.protocol.Frame;
import io.parley.protocol.Ping;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FrameHeaderTest {

    @Test
    void readsRefAndKindOfAnEncodedFrame() {
        byte[] deliver = Frame.newBuilder().setRef(42)
                .setDeliver(Deliver.newBuilder().setMessage(ChatMessage.newBuilder().setContent("hello"))).build().toByteArray();

        assertThat(FrameHeader.of(deliver)).isEqualTo(new FrameHeader(42, Frame.KindCase.DELIVER));
        assertThat(FrameHeader.of(ByteBuffer.wrap(deliver))).isEqualTo(new FrameHeader(42, Frame.KindCase.DELIVER));
    }

    @Test
    void refOfATruncatedFrameIsStillFound() {
        byte[] whole = Frame.newBuilder().setRef(300)
                .setDeliver(Deliver.newBuilder().setMessage(ChatMessage.newBuilder().setContent("x".repeat(100)))).build()
                .toByteArray();

        FrameHeader header = FrameHeader.of(Arrays.copyOf(whole, whole.length - 10));

        assertThat(header.ref()).isEqualTo(300);
    }

    @Test
    void garbageAndEmptyFramesGiveNothing() {
        assertThat(FrameHeader.of(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff}))
                .isEqualTo(new FrameHeader(0, Frame.KindCase.KIND_NOT_SET));
        assertThat(FrameHeader.of(new byte[0])).isEqualTo(new FrameHeader(0, Frame.KindCase.KIND_NOT_SET));
        assertThat(FrameHeader.of(Frame.newBuilder().setPing(Ping.getDefaultInstance()).build().toByteArray()))
                .isEqualTo(new FrameHeader(0, Frame.KindCase.PING));
    }
}
