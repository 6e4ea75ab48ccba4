package io.parley.server.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.protocol.ChatMessage;
import io.parley.protocol.Frame;
import io.parley.protocol.SendAck;
import io.parley.server.support.ApiClient;
import io.parley.server.support.Chat;
import io.parley.server.support.FriendApi;
import io.parley.server.support.ServerProcess;
import io.parley.server.support.WsClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ack after persist, proven the hard way: the packaged server takes a steady stream of messages, is killed
 * with SIGKILL in the middle of it, and restarted. Every message acked before the kill is there exactly
 * once, in seq order with no gaps; messages sent but not acked may be there, but never twice.
 */
class CrashSafetyIT {

    private static final int ACKS_BEFORE_KILL = 300;
    private static final int PIPELINE = 32;

    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "mariadb"})
    void everyAckedMessageSurvivesKillMinus9(String database) throws Exception {
        String mariaDb = "parley_crash_" + System.currentTimeMillis() / 1000 + "_" + (int) (Math.random() * 1_000_000);
        // A steady stream faster than the default per-connection frame rate, which would close it as a flood.
        List<String> args = new ArrayList<>(List.of("--parley.gateway.frames-per-second=100000",
                "--parley.gateway.frame-burst=100000"));
        if (database.equals("mariadb")) {
            args.addAll(List.of("--spring.datasource.url=jdbc:mariadb://127.0.0.1:3306/" + mariaDb,
                    "--spring.datasource.username=root", "--spring.datasource.password="));
        }
        if (database.equals("mariadb")) {
            mariaDb("CREATE DATABASE " + mariaDb);
        }
        try (ServerProcess server = ServerProcess.start(dataDir, args.toArray(String[]::new))) {
            ApiClient api = server.api();
            ApiClient.Account alice = api.signUp(ApiClient.uniqueName("crash_alice"));
            ApiClient.Account bob = api.signUp(ApiClient.uniqueName("crash_bob"));
            new FriendApi(api).befriend(alice, bob);

            Map<String, SendAck> acked = new ConcurrentHashMap<>();
            AtomicInteger sent = new AtomicInteger();
            WsClient alicePhone = WsClient.connect(server.gatewayPort(), alice.accessToken());
            alicePhone.welcome();
            Thread stream = new Thread(() -> sendUntilCut(alicePhone, bob, sent, acked), "steady-stream");
            stream.start();

            await().atMost(Duration.ofSeconds(60)).until(() -> acked.size() >= ACKS_BEFORE_KILL);
            server.kill();
            stream.join(Duration.ofSeconds(30).toMillis());
            int ackedBeforeKill = acked.size();

            server.restart();
            ApiClient.Account bobAgain = new ApiClient.Account(bob.id(), bob.username(), bob.password(),
                    server.api().post("/api/v1/auth/login", null, Map.of("username", bob.username(), "password", bob.password()))
                            .body().path("accessToken").asString(), null);
            WsClient bobPhone = WsClient.connect(server.gatewayPort(), bobAgain.accessToken());
            bobPhone.welcome();
            List<ChatMessage> stored = Chat.syncAll(bobPhone, Map.of(), 500);

            assertThat(stored).extracting(ChatMessage::getSeq).as("seq order, no gaps")
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, stored.size()).boxed().toList());
            assertThat(stored).extracting(ChatMessage::getClientMessageId).as("nothing twice").doesNotHaveDuplicates();
            Map<String, ChatMessage> byClientId = new ConcurrentHashMap<>();
            stored.forEach(m -> byClientId.put(m.getClientMessageId(), m));
            acked.forEach((clientId, ack) -> {
                ChatMessage m = byClientId.get(clientId);
                assertThat(m).as("acked message %s is stored", clientId).isNotNull();
                assertThat(m.getSeq()).isEqualTo(ack.getSeq());
                assertThat(m.getMessageId()).isEqualTo(ack.getMessageId());
            });
            assertThat(stored.size()).isBetween(ackedBeforeKill, sent.get());
        } finally {
            if (database.equals("mariadb")) {
                mariaDb("DROP DATABASE IF EXISTS " + mariaDb);
            }
        }
    }

    /** Sends text messages in pipelined bursts, recording each ack, until the connection dies. */
    private static void sendUntilCut(WsClient ws, ApiClient.Account to, AtomicInteger sent, Map<String, SendAck> acked) {
        try {
            while (true) {
                for (int i = 0; i < PIPELINE; i++) {
                    int n = sent.incrementAndGet();
                    ws.send(Chat.text(n, to, "k-" + n, "steady " + n));
                }
                for (int i = 0; i < PIPELINE; i++) {
                    Frame answer = ws.next(Duration.ofSeconds(5));
                    if (answer.getKindCase() == Frame.KindCase.ACK) {
                        acked.put(answer.getAck().getClientMessageId(), answer.getAck());
                    }
                }
            }
        } catch (RuntimeException | AssertionError connectionCut) {
            // the server was killed: what was acked so far is what must survive
        }
    }

    private static void mariaDb(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
