package io.parley.server.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.protocol.ChatMessage;
import io.parley.protocol.Frame;
import io.parley.protocol.Ping;
import io.parley.protocol.SendMessage;
import io.parley.protocol.SendAck;
import io.parley.server.gateway.GatewayServer;
import io.parley.server.support.ApiClient;
import io.parley.server.support.Chat;
import io.parley.server.support.FriendApi;
import io.parley.server.support.ServerTest;
import io.parley.server.support.WsClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Base of the messaging tests: real server, users made friends over REST, devices on real WebSockets. */
@TestPropertySource(properties = {"parley.gateway.frames-per-second=100000", "parley.gateway.frame-burst=100000"})
abstract class MessagingTest extends ServerTest {

    @Autowired
    private GatewayServer gateway;

    private final List<WsClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(WsClient::close);
    }

    protected ApiClient.Account signUp(String prefix) {
        return api.signUp(ApiClient.uniqueName(prefix));
    }

    /** A new device of the account, past its Welcome frame. */
    protected WsClient device(ApiClient.Account account) {
        WsClient ws = WsClient.connect(gateway.port(), account.accessToken());
        clients.add(ws);
        ws.welcome();
        return ws;
    }

    protected void befriend(ApiClient.Account a, ApiClient.Account b) {
        new FriendApi(api).befriend(a, b);
    }

    protected static Frame text(long ref, ApiClient.Account to, String clientMessageId, String content) {
        return Chat.text(ref, to, clientMessageId, content);
    }

    /** A text message with some fields changed, e.g. {@code m -> m.setReplyToSeq(3)}. */
    protected static Frame text(long ref, ApiClient.Account to, String clientMessageId, String content,
            UnaryOperator<ChatMessage.Builder> change) {
        Frame plain = text(ref, to, clientMessageId, content);
        return plain.toBuilder().setSend(SendMessage.newBuilder()
                .setMessage(change.apply(plain.getSend().getMessage().toBuilder()))).build();
    }

    /** Sends a text message and waits for its ack (skipping Presence pushes, which come whenever friends connect). */
    protected static SendAck send(WsClient ws, long ref, ApiClient.Account to, String clientMessageId, String content) {
        ws.send(text(ref, to, clientMessageId, content));
        Frame answer = nextBesidesPresence(ws);
        assertThat(answer.getKindCase()).as("answer to send %s: %s", ref, answer).isEqualTo(Frame.KindCase.ACK);
        assertThat(answer.getRef()).isEqualTo(ref);
        return answer.getAck();
    }

    protected static List<ChatMessage> syncAll(WsClient ws, Map<String, Long> lastSeq, int pageSize) {
        return Chat.syncAll(ws, lastSeq, pageSize);
    }

    /** Frames of one kind received within a short while, in arrival order. */
    protected static List<Frame> drain(WsClient ws, Frame.KindCase kind, int count) {
        List<Frame> frames = new ArrayList<>();
        while (frames.size() < count) {
            Frame f = ws.next();
            if (f.getKindCase() == kind) {
                frames.add(f);
            }
        }
        return frames;
    }

    /** The next frame that is not a Presence push (those come whenever a friend connects or leaves). */
    protected static Frame nextBesidesPresence(WsClient ws) {
        Frame frame = ws.next();
        while (frame.hasPresence()) {
            frame = ws.next();
        }
        return frame;
    }

    /** Pings and asserts that the pong is the very next frame (presence aside): nothing else was queued for the device. */
    protected static void assertNothingElseQueued(WsClient ws, long ref) {
        ws.send(Frame.newBuilder().setRef(ref).setPing(Ping.newBuilder().setClientTime(ref)).build());
        Frame next = nextBesidesPresence(ws);
        assertThat(next.getKindCase()).as("expected only the pong, got %s", next).isEqualTo(Frame.KindCase.PONG);
        assertThat(next.getRef()).isEqualTo(ref);
    }
}
