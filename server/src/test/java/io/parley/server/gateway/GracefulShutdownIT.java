package io.parley.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.server.support.ApiClient;
import io.parley.server.support.WsClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server as its own process, stopped the way a process manager stops it (SIGTERM): connected
 * clients are told "going away" (1001) and the process exits within a bounded time.
 */
class GracefulShutdownIT {

    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final Duration SHUTDOWN = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @Test
    void sigtermTellsClientsGoingAwayAndExits() throws Exception {
        int httpPort = freePort();
        int gatewayPort = freePort();
        Path log = dataDir.resolve("server.log");
        Process server = new ProcessBuilder(javaBinary(), "-jar", System.getProperty("parley.jar"),
                "--server.port=" + httpPort,
                "--parley.gateway.port=" + gatewayPort,
                "--parley.data-dir=" + dataDir,
                "--parley.auth.bcrypt-strength=4")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            awaitReady(server, httpPort, log);
            assertThat(Files.readString(log)).contains("WebSocket gateway listening on ws://0.0.0.0:" + gatewayPort + "/ws");
            ApiClient api = new ApiClient("http://127.0.0.1:" + httpPort);
            ApiClient.Account alice = api.signUp(ApiClient.uniqueName("it_alice"));
            WsClient ws = WsClient.connect(gatewayPort, alice.accessToken());
            ws.welcome();
            ws.ping(1);

            long stopping = System.nanoTime();
            server.destroy();   // SIGTERM on Linux and macOS

            assertThat(ws.awaitClose(SHUTDOWN)).isEqualTo(1001);
            assertThat(ws.closeReason()).isEqualTo("going away");
            assertThat(server.waitFor(SHUTDOWN.toSeconds(), TimeUnit.SECONDS))
                    .as("server still running %s after SIGTERM; log:%n%s", SHUTDOWN, Files.readString(log))
                    .isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(SHUTDOWN);
            assertThat(Files.readString(log)).contains("WebSocket gateway stopped");
        } finally {
            server.destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void awaitReady(Process server, int httpPort, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!server.isAlive()) {
                throw new IllegalStateException("The server exited during startup; log:\n" + Files.readString(log));
            }
            try {
                return http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notListeningYet) {
                return false;
            }
        });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
