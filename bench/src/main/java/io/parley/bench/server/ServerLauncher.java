package io.parley.bench.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts the packaged server as its own process, the way README says (java -jar parley-server.jar with ports,
 * data dir and datasource as arguments), on free ports with a fresh database: a new data dir for H2, a new
 * database on the local MariaDB (root, no password). The jar is copied first, so rebuilding it meanwhile does
 * not pull classes from under the running server. Benchmark settings: the per-connection frame-rate limit is
 * raised (the default 50 frames/s closes benchmark senders with 4429) and bcrypt is cheap, so that setting up
 * thousands of users measures nothing but setup.
 */
public final class ServerLauncher implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(3);
    static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/";

    private final Process process;
    private final int httpPort;
    private final int gatewayPort;
    private final String database;
    private final String mariadbName;

    private ServerLauncher(Process process, int httpPort, int gatewayPort, String database, String mariadbName) {
        this.process = process;
        this.httpPort = httpPort;
        this.gatewayPort = gatewayPort;
        this.database = database;
        this.mariadbName = mariadbName;
    }

    /**
     * @param database h2 or mariadb
     * @param workDir  where the jar copy, the data dir and the server log go
     */
    public static ServerLauncher start(Path jar, String database, Path workDir, List<String> jvmOptions)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path jarCopy = workDir.resolve("parley-server.jar");
        Files.copy(jar, jarCopy, StandardCopyOption.REPLACE_EXISTING);
        int http = freePort();
        int gateway = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jarCopy.toString(),
                "--server.port=" + http,
                "--parley.gateway.port=" + gateway,
                "--parley.data-dir=" + workDir.resolve("data").toAbsolutePath(),
                "--parley.auth.bcrypt-strength=4",
                "--parley.gateway.frames-per-second=1000000",
                "--parley.gateway.frame-burst=1000000"));
        String mariadbName = null;
        if (database.equals("mariadb")) {
            mariadbName = "parley_bench_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
            mariadb("CREATE DATABASE " + mariadbName + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            command.addAll(List.of("--spring.datasource.url=" + MARIADB + mariadbName,
                    "--spring.datasource.username=root", "--spring.datasource.password="));
        } else if (!database.equals("h2")) {
            throw new IllegalArgumentException("database is h2 or mariadb, not " + database);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("server.log").toFile())).start();
        ServerLauncher server = new ServerLauncher(process, http, gateway, database, mariadbName);
        server.awaitReady(workDir.resolve("server.log"));
        return server;
    }

    public long pid() {
        return process.pid();
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String wsUrl() {
        return "ws://127.0.0.1:" + gatewayPort + "/ws";
    }

    public String database() {
        return database;
    }

    /** SIGTERM, as a process manager stops it; then the MariaDB database is dropped. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        if (mariadbName != null) {
            try {
                mariadb("DROP DATABASE IF EXISTS " + mariadbName);
            } catch (IOException e) {
                System.err.println("could not drop " + mariadbName + ": " + e.getMessage());
            }
        }
    }

    private void awaitReady(Path log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(httpUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited during startup; see " + log);
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // still starting
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server was not ready within " + STARTUP + "; see " + log);
    }

    private static void mariadb(String sql) throws IOException {
        try (Connection connection = DriverManager.getConnection(MARIADB, "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IOException("MariaDB at " + MARIADB + ": " + e.getMessage(), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
