package io.parley.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.server.support.ApiClient;
import io.parley.server.support.ServerProcess;
import io.parley.server.support.WsClient;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server as its own process, stopped the way a process manager stops it (SIGTERM): connected
 * clients are told "going away" (1001) and the process exits within a bounded time.
 */
class GracefulShutdownIT {

    private static final Duration SHUTDOWN = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @Test
    void sigtermTellsClientsGoingAwayAndExits() throws Exception {
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            assertThat(server.logText())
                    .contains("WebSocket gateway listening on ws://0.0.0.0:" + server.gatewayPort() + "/ws")
                    .contains("Parley is ready: REST API http://localhost:" + server.httpPort() + "/api/v1")
                    .contains("WebSocket ws://localhost:" + server.gatewayPort() + "/ws");
            ApiClient api = server.api();
            ApiClient.Account alice = api.signUp(ApiClient.uniqueName("it_alice"));
            WsClient ws = WsClient.connect(server.gatewayPort(), alice.accessToken());
            ws.welcome();
            ws.ping(1);

            long stopping = System.nanoTime();
            server.terminate();

            assertThat(ws.awaitClose(SHUTDOWN)).isEqualTo(1001);
            assertThat(ws.closeReason()).isEqualTo("going away");
            assertThat(server.awaitExit(SHUTDOWN))
                    .as("server still running %s after SIGTERM; log:%n%s", SHUTDOWN, server.logText())
                    .isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(SHUTDOWN);
            assertThat(server.logText()).contains("WebSocket gateway stopped");
        }
    }
}
