package io.parley.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.server.support.ApiClient;
import io.parley.server.support.OnH2;
import io.parley.server.support.OnMariaDb;
import io.parley.server.support.WsClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Silent connections are closed with 4408 after the idle timeout (1 s here); pinging ones are not. */
@TestPropertySource(properties = {"parley.gateway.idle-timeout=1s", "parley.gateway.heartbeat-interval=1s"})
abstract class IdleTimeoutTests extends GatewayTest {

    @Test
    void silentConnectionIsClosedWith4408AndLeavesTheDirectory() {
        ApiClient.Account quiet = signUp("ws_quiet");
        WsClient ws = connect(quiet);
        assertThat(ws.welcome().getIdleTimeoutSeconds()).isEqualTo(1);
        assertThat(devicesInDirectory(quiet)).hasSize(1);

        assertThat(ws.awaitClose(Duration.ofSeconds(10))).isEqualTo(4408);
        assertThat(ws.closeReason()).isEqualTo("idle");
        await().atMost(WsClient.TIMEOUT).until(() -> devicesInDirectory(quiet).isEmpty());
    }

    @Test
    void connectionThatPingsStaysOpen() {
        WsClient ws = connect(signUp("ws_chatty"));
        ws.welcome();
        AtomicLong ref = new AtomicLong();

        // Pings every 300 ms for 2.5 s, well past the 1 s idle timeout: the connection must stay open throughout.
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    ws.ping(ref.incrementAndGet());
                    return !ws.isClosed();
                });
    }

    @OnH2
    static class OnH2Test extends IdleTimeoutTests {
    }

    @OnMariaDb
    static class OnMariaDbTest extends IdleTimeoutTests {
    }
}
