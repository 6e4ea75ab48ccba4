package io.parley.server.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server ({@code -Dparley.jar}, set by failsafe) run as its own process on fixed free ports, for
 * tests of what only a real process shows: SIGTERM, SIGKILL, restarts. The log of every start is appended to
 * {@code server.log} in the data directory.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final int httpPort;
    private final int gatewayPort;
    private final Path workingDir;
    private final String dataDirArg;
    private final Path dataDir;
    private final List<String> extraArgs;
    private Process process;

    private ServerProcess(Path workingDir, String dataDirArg, List<String> extraArgs) throws IOException {
        this.httpPort = freePort();
        this.gatewayPort = freePort();
        this.workingDir = workingDir;
        this.dataDirArg = dataDirArg;
        this.dataDir = workingDir.resolve(dataDirArg);
        this.extraArgs = List.copyOf(extraArgs);
    }

    /** Starts the server with its data under {@code dataDir} and waits until it is ready. */
    public static ServerProcess start(Path dataDir, String... extraArgs) throws IOException {
        return startIn(Path.of("").toAbsolutePath(), dataDir.toAbsolutePath().toString(), extraArgs);
    }

    /**
     * Starts the server in {@code workingDir}, given {@code --parley.data-dir=dataDirArg} as a user would type
     * it (a relative one is relative to the working directory), and waits until it is ready.
     */
    public static ServerProcess startIn(Path workingDir, String dataDirArg, String... extraArgs) throws IOException {
        ServerProcess server = new ServerProcess(workingDir, dataDirArg, List.of(extraArgs));
        server.restart();
        return server;
    }

    /** Starts the process again on the same ports and data (after {@link #kill} or {@link #terminate}). */
    public void restart() throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", System.getProperty("parley.jar"),
                "--server.port=" + httpPort,
                "--parley.gateway.port=" + gatewayPort,
                "--parley.data-dir=" + dataDirArg,
                "--parley.auth.bcrypt-strength=4"));
        command.addAll(extraArgs);
        Files.createDirectories(dataDir);
        Files.writeString(log(), "==== start\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        process = new ProcessBuilder(command)
                .directory(workingDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                .start();
        awaitReady();
    }

    public int httpPort() {
        return httpPort;
    }

    public int gatewayPort() {
        return gatewayPort;
    }

    public ApiClient api() {
        return new ApiClient("http://127.0.0.1:" + httpPort);
    }

    public Path log() {
        return dataDir.resolve("server.log");
    }

    public String logText() {
        try {
            return Files.readString(log());
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** SIGTERM: the way a process manager stops a service. */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL: no shutdown hook, no flush, nothing. Returns once the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Waits for the process to exit; true when it did within the timeout. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited during startup; log:\n" + logText());
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
