package io.parley.server.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.server.support.ApiClient;
import io.parley.server.support.ApiClient.Account;
import io.parley.server.support.FriendApi;
import io.parley.server.support.ServerProcess;
import io.parley.server.support.WsClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Last seen outlives the process: a user who left before a restart, and one still connected when the server
 * was stopped with SIGTERM, both show their last seen after the packaged server starts again.
 */
class PresenceRestartIT {

    private static final Duration SHUTDOWN = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "mariadb"})
    void lastSeenSurvivesARestart(String database) throws Exception {
        String mariaDb = "parley_presence_" + System.currentTimeMillis() / 1000 + "_" + (int) (Math.random() * 1_000_000);
        List<String> args = new ArrayList<>();
        if (database.equals("mariadb")) {
            mariaDb("CREATE DATABASE " + mariaDb);
            args.addAll(List.of("--spring.datasource.url=jdbc:mariadb://127.0.0.1:3306/" + mariaDb,
                    "--spring.datasource.username=root", "--spring.datasource.password="));
        }
        try (ServerProcess server = ServerProcess.start(dataDir, args.toArray(String[]::new))) {
            ApiClient api = server.api();
            FriendApi friends = new FriendApi(api);
            Account alice = api.signUp(ApiClient.uniqueName("it_alice"));
            Account bob = api.signUp(ApiClient.uniqueName("it_bob"));
            Account carol = api.signUp(ApiClient.uniqueName("it_carol"));
            friends.befriend(alice, bob);
            friends.befriend(alice, carol);

            WsClient bobWs = WsClient.connect(server.gatewayPort(), bob.accessToken());
            bobWs.welcome();
            bobWs.close();
            await().atMost(WsClient.TIMEOUT).until(() -> !friend(friends, alice, bob).path("lastSeen").isNull());
            Instant bobLeft = Instant.parse(friend(friends, alice, bob).path("lastSeen").asString());

            WsClient carolWs = WsClient.connect(server.gatewayPort(), carol.accessToken());
            carolWs.welcome();
            await().atMost(WsClient.TIMEOUT).until(() -> friend(friends, alice, carol).path("online").asBoolean());
            Instant beforeStop = Instant.now().minusSeconds(1);

            server.terminate();
            assertThat(carolWs.awaitClose(SHUTDOWN)).isEqualTo(1001);
            assertThat(server.awaitExit(SHUTDOWN)).as("exited after SIGTERM; log:%n%s", server.logText()).isTrue();
            server.restart();

            // The signing key is kept in the data directory, so alice's token is still good.
            JsonNode bobAfter = friend(friends, alice, bob);
            assertThat(bobAfter.path("online").asBoolean()).isFalse();
            assertThat(Instant.parse(bobAfter.path("lastSeen").asString())).isEqualTo(bobLeft);
            JsonNode carolAfter = friend(friends, alice, carol);
            assertThat(carolAfter.path("online").asBoolean()).isFalse();
            assertThat(carolAfter.path("lastSeen").isNull()).as("written at shutdown; log:%n%s", server.logText()).isFalse();
            assertThat(Instant.parse(carolAfter.path("lastSeen").asString())).isAfter(beforeStop);
        } finally {
            if (database.equals("mariadb")) {
                mariaDb("DROP DATABASE IF EXISTS " + mariaDb);
            }
        }
    }

    private static JsonNode friend(FriendApi friends, Account of, Account friend) {
        return friends.friends(of).body().valueStream()
                .filter(f -> f.path("id").asString().equals(friend.id()))
                .findFirst().orElseThrow();
    }

    private static void mariaDb(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
