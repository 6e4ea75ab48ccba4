package io.parley.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.protocol.ChatMessage;
import io.parley.protocol.ContentType;
import io.parley.protocol.Deliver;
import io.parley.protocol.ErrorReply;
import io.parley.protocol.Frame;
import io.parley.protocol.FriendEvent;
import io.parley.protocol.MessageType;
import io.parley.protocol.Ping;
import io.parley.protocol.Pong;
import io.parley.protocol.ReadReceipt;
import io.parley.protocol.SendAck;
import io.parley.protocol.SendMessage;
import io.parley.protocol.SyncResponse;
import io.parley.protocol.Welcome;
import io.parley.server.delivery.DevicePush;
import io.parley.server.support.ApiClient;
import io.parley.server.support.OnH2;
import io.parley.server.support.OnMariaDb;
import io.parley.server.support.WsClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Bad input on the WebSocket: every kind of malformed, oversized, misdirected or too frequent frame gets its
 * error reply or close code, the offender's connection stays usable where it should, and a bystander on the
 * same server never notices.
 */
abstract class GatewayBadInputTests extends GatewayTest {

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private DevicePush push;

    private ApiClient.Account mallory;
    private WsClient ws;
    private WsClient bystander;

    @BeforeEach
    void connectOffenderAndBystander() {
        mallory = signUp("ws_mallory");
        ws = connect(mallory);
        ws.welcome();
        bystander = connect(signUp("ws_bystander"));
        bystander.welcome();
    }

    @AfterEach
    void bystanderIsUnaffected() {
        bystander.ping(999);
    }

    @Test
    void garbageBytesAreBadFrame() {
        double before = wsErrors("BAD_FRAME");

        ws.sendRaw(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01, 0x02});

        ErrorReply error = ws.error(0);
        assertThat(error.getCode()).isEqualTo("BAD_FRAME");
        assertThat(error.getRetryable()).isFalse();
        ws.ping(1);
        assertThat(wsErrors("BAD_FRAME")).isEqualTo(before + 1);
    }

    @Test
    void truncatedFrameIsBadFrameAndKeepsItsRef() {
        byte[] whole = Frame.newBuilder().setRef(77).setSend(SendMessage.newBuilder().setMessage(text("hello there"))).build()
                .toByteArray();

        ws.sendRaw(Arrays.copyOf(whole, whole.length - 3));

        assertThat(ws.error(77).getCode()).isEqualTo("BAD_FRAME");
        ws.ping(2);
    }

    @Test
    void frameWithoutAKindIsUnknownKind() throws IOException {
        ws.send(Frame.newBuilder().setRef(5).build());
        assertThat(ws.error(5).getCode()).isEqualTo("UNKNOWN_KIND");

        // A kind from a newer protocol (field 39, not used yet) is an unknown field to this server.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.writeUInt64(Frame.REF_FIELD_NUMBER, 6);
        out.writeBytes(39, ByteString.copyFromUtf8("future"));
        out.flush();
        ws.sendRaw(bytes.toByteArray());
        assertThat(ws.error(6).getCode()).isEqualTo("UNKNOWN_KIND");
        ws.ping(3);
    }

    @Test
    void kindsOnlyTheServerSendsAreRefused() {
        List<Frame.Builder> serverOnly = List.of(
                Frame.newBuilder().setWelcome(Welcome.newBuilder().setUserId("forged")),
                Frame.newBuilder().setPong(Pong.getDefaultInstance()),
                Frame.newBuilder().setError(ErrorReply.newBuilder().setCode("BAD_FRAME")),
                Frame.newBuilder().setAck(SendAck.newBuilder().setMessageId("m1")),
                Frame.newBuilder().setDeliver(Deliver.newBuilder().setMessage(text("spoofed"))),
                Frame.newBuilder().setSyncResponse(SyncResponse.getDefaultInstance()),
                Frame.newBuilder().setFriendEvent(FriendEvent.newBuilder().setType(FriendEvent.Type.REQUEST_ACCEPTED)));
        long ref = 100;
        for (Frame.Builder frame : serverOnly) {
            ref++;
            ws.send(frame.setRef(ref).build());
            ErrorReply error = ws.error(ref);
            assertThat(error.getCode()).as(frame.getKindCase().name()).isEqualTo("NOT_CLIENT_FRAME");
        }
        ws.ping(4);
    }

    @Test
    void textFrameIsBadFrame() {
        ws.sendText("{\"type\":\"heatbeat\"}");

        assertThat(ws.error(0).getCode()).isEqualTo("BAD_FRAME");
        ws.ping(5);
    }

    @Test
    void frameOverTheLimitIsRefusedAndTheConnectionStaysUsable() {
        Frame big = Frame.newBuilder().setRef(9).setSend(SendMessage.newBuilder().setMessage(text("x".repeat(MAX_FRAME_BYTES))))
                .build();
        assertThat(big.getSerializedSize()).isBetween(MAX_FRAME_BYTES + 1, HARD_MAX_FRAME_BYTES);

        ws.send(big);

        ErrorReply error = ws.error(9);
        assertThat(error.getCode()).isEqualTo("FRAME_TOO_LARGE");
        assertThat(error.getRetryable()).isFalse();
        ws.ping(6);
    }

    @Test
    void frameOverTheHardLimitClosesWith1009() {
        ws.sendRaw(new byte[HARD_MAX_FRAME_BYTES + 1]);

        assertThat(ws.awaitClose()).isEqualTo(1009);
        await().atMost(WsClient.TIMEOUT).until(() -> devicesInDirectory(mallory).isEmpty());
    }

    @Test
    void fragmentedFrameIsReassembled() {
        byte[] ping = Frame.newBuilder().setRef(31).setPing(Ping.newBuilder().setClientTime(5)).build().toByteArray();

        ws.sendFragments(Arrays.copyOfRange(ping, 0, 2), Arrays.copyOfRange(ping, 2, ping.length));

        Frame pong = ws.await(Frame.KindCase.PONG);
        assertThat(pong.getRef()).isEqualTo(31);
        assertThat(pong.getPong().getClientTime()).isEqualTo(5);
    }

    @Test
    void fragmentsAddingUpOverTheHardLimitCloseWith1009() {
        byte[] half = new byte[HARD_MAX_FRAME_BYTES / 2 + 1];

        ws.sendFragments(half, half);

        assertThat(ws.awaitClose()).isEqualTo(1009);
    }

    @Test
    void floodClosesWith4429() {
        Frame ping = Frame.newBuilder().setPing(Ping.getDefaultInstance()).build();
        int sent = 0;
        while (sent < FRAME_BURST * 20 && ws.trySend(ping)) {
            sent++;
        }

        assertThat(ws.awaitClose()).isEqualTo(4429);
        assertThat(sent).isGreaterThanOrEqualTo(FRAME_BURST);
    }

    @Test
    void malformedChatFramesGetTheirOwnCodes() {
        Frame.Builder noClientId = Frame.newBuilder().setSend(SendMessage.newBuilder().setMessage(text("hi")));
        Frame.Builder unknownConversation = Frame.newBuilder()
                .setReadReceipt(ReadReceipt.newBuilder().setConversationId("c1").setReadSeq(3));
        Map<String, Frame.Builder> expected = new LinkedHashMap<>();
        expected.put("BAD_MESSAGE", noClientId);
        expected.put("CONVERSATION_NOT_FOUND", unknownConversation);
        long ref = 200;
        for (Map.Entry<String, Frame.Builder> e : expected.entrySet()) {
            ref++;
            ws.send(e.getValue().setRef(ref).build());
            ErrorReply error = ws.error(ref);
            assertThat(error.getCode()).isEqualTo(e.getKey());
            assertThat(error.getRetryable()).isFalse();
        }
        ws.ping(7);
    }

    /**
     * Two devices of one user get the same pushes; one reads, one does not. Once the silent one's server-side
     * buffer is over the write-buffer limit it is closed with 4413, while the reading one gets everything.
     */
    @Test
    void clientThatDoesNotReadIsClosedWith4413() {
        ApiClient.Account slowpoke = signUp("ws_slowpoke");
        WsClient reader = track(WsClient.connect(gateway.port(), slowpoke.accessToken(), "reader", null));
        WsClient stuck = track(WsClient.connect(gateway.port(), slowpoke.accessToken(), "stuck", null));
        reader.welcome();
        stuck.welcome();
        stuck.pauseReading();
        double tooSlowBefore = closes("4413");
        Frame bulky = Frame.newBuilder().setDeliver(Deliver.newBuilder().setMessage(text("y".repeat(16 * 1024)))).build();

        int pushed = 0;
        while (closes("4413") == tooSlowBefore && pushed < 4000) {
            push.toUser(internalId(slowpoke), bulky);
            reader.await(Frame.KindCase.DELIVER);
            pushed++;
        }

        assertThat(closes("4413")).as("closed after %d pushes", pushed).isEqualTo(tooSlowBefore + 1);
        stuck.resumeReading();
        assertThat(stuck.awaitClose()).isEqualTo(4413);
        await().atMost(WsClient.TIMEOUT).until(() -> devicesInDirectory(slowpoke).equals(Set.of("reader")));
        reader.ping(8);
    }

    private static ChatMessage text(String content) {
        return ChatMessage.newBuilder().setTo("someone").setContent(content)
                .setContentType(ContentType.TEXT).setMessageType(MessageType.SINGLE).build();
    }

    private double wsErrors(String code) {
        var counter = meters.find("parley.errors").tag("channel", "ws").tag("code", code).counter();
        return counter == null ? 0 : counter.count();
    }

    private double closes(String code) {
        var counter = meters.find("parley.gateway.closes").tag("code", code).counter();
        return counter == null ? 0 : counter.count();
    }

    @OnH2
    static class OnH2Test extends GatewayBadInputTests {
    }

    @OnMariaDb
    static class OnMariaDbTest extends GatewayBadInputTests {
    }
}
