package io.parley.server.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.parley.protocol.Frame;
import io.parley.protocol.Ping;
import io.parley.protocol.Presence;
import io.parley.server.delivery.SessionDirectory;
import io.parley.server.gateway.GatewayServer;
import io.parley.server.support.ApiClient;
import io.parley.server.support.ApiClient.Account;
import io.parley.server.support.FriendApi;
import io.parley.server.support.OnH2;
import io.parley.server.support.OnMariaDb;
import io.parley.server.support.ServerTest;
import io.parley.server.support.WsClient;
import io.parley.server.user.UserRepository;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Presence over real WebSockets: friends hear a user's first device in and last device out, nobody else hears
 * anything, the friend list shows online and last seen, and last seen is in the database.
 */
abstract class PresenceTests extends ServerTest {

    @Autowired
    GatewayServer gateway;

    @Autowired
    SessionDirectory sessions;

    @Autowired
    UserRepository users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PresenceTracker presence;

    @Autowired
    MeterRegistry registry;

    FriendApi friends;
    Account alice;
    Account bob;
    Account carol;
    private final List<WsClient> clients = new ArrayList<>();

    @BeforeEach
    void threeUsers() {
        friends = new FriendApi(api);
        alice = api.signUp(ApiClient.uniqueName("alice"));
        bob = api.signUp(ApiClient.uniqueName("bob"));
        carol = api.signUp(ApiClient.uniqueName("carol"));
    }

    @AfterEach
    void closeClients() {
        clients.forEach(WsClient::close);
    }

    @Test
    void friendsHearTheFirstDeviceInAndTheLastOutAndStrangersNothing() {
        friends.befriend(alice, bob);
        WsClient aliceWeb = connect(alice, "web");
        WsClient carolWeb = connect(carol, "web");
        assertThat(friend(alice, bob).path("lastSeen").isNull()).as("never seen").isTrue();

        WsClient bobPhone = connect(bob, "phone");
        // next(), not await(): the Presence must be the very next frame, and so on below
        assertThat(aliceWeb.next().getPresence())
                .isEqualTo(Presence.newBuilder().setUserId(bob.id()).setOnline(true).build());
        JsonNode whileOnline = friend(alice, bob);
        assertThat(whileOnline.path("online").asBoolean()).isTrue();
        assertThat(whileOnline.path("lastSeen").isNull()).isTrue();
        assertThat(registry.get("parley.presence.online.users").gauge().value()).isGreaterThanOrEqualTo(3);

        WsClient bobLaptop = connect(bob, "laptop");
        bobPhone.close();
        await().atMost(WsClient.TIMEOUT).until(() -> sessions.devicesOf(internalId(bob)).size() == 1);
        assertThat(friend(alice, bob).path("online").asBoolean()).isTrue();
        assertNothingPushed(bobLaptop);   // not told about themselves
        bobLaptop.close();

        Presence offline = aliceWeb.next().getPresence();
        assertThat(offline.getUserId()).isEqualTo(bob.id());
        assertThat(offline.getOnline()).isFalse();
        assertThat(offline.getLastSeen()).isPositive();
        Instant lastSeen = Instant.ofEpochMilli(offline.getLastSeen());
        JsonNode afterwards = friend(alice, bob);
        assertThat(afterwards.path("online").asBoolean()).isFalse();
        assertThat(Instant.parse(afterwards.path("lastSeen").asString())).isEqualTo(lastSeen);
        assertThat(presence.lastSeen(internalId(bob))).contains(lastSeen);
        await().atMost(WsClient.TIMEOUT).until(() -> lastSeen.equals(storedLastSeen(bob)));

        assertNothingPushed(carolWeb);
        assertNothingPushed(aliceWeb);
    }

    @Test
    void blockingEndsPresenceBothWays() {
        Account dave = api.signUp(ApiClient.uniqueName("dave"));
        friends.befriend(alice, bob);
        friends.befriend(bob, dave);
        assertThat(friends.block(bob, alice.id()).status()).isEqualTo(204);   // ends their friendship
        WsClient aliceWeb = connect(alice, "web");
        WsClient daveWeb = connect(dave, "web");

        WsClient bobWeb = connect(bob, "web");
        assertThat(daveWeb.next().getPresence().getOnline()).isTrue();   // bob's friend hears him
        bobWeb.close();
        assertThat(daveWeb.next().getPresence().getOnline()).isFalse();
        assertNothingPushed(aliceWeb);   // pushed in order, so alice's would have come before dave's

        WsClient bobAgain = connect(bob, "again");
        assertThat(daveWeb.next().getPresence().getOnline()).isTrue();
        aliceWeb.close();
        await().atMost(WsClient.TIMEOUT).until(() -> presence.lastSeen(internalId(alice)).isPresent());
        daveWeb.close();   // a change after alice's: bob hears it, and before it would have heard alice's
        Presence next = bobAgain.next().getPresence();
        assertThat(next.getUserId()).isEqualTo(dave.id());
        assertThat(next.getOnline()).isFalse();
    }

    @Test
    void lastSeenOfAUserNotSeenSinceStartComesFromTheDatabase() {
        friends.befriend(alice, bob);
        JsonNode never = friend(alice, bob);
        assertThat(never.path("online").asBoolean()).isFalse();
        assertThat(never.path("lastSeen").isNull()).isTrue();
        assertThat(presence.lastSeen(internalId(bob))).isEmpty();

        // As a previous run of the server would have left it.
        Instant earlier = Instant.parse("2025-05-06T07:08:09.123Z");
        jdbc.update("UPDATE users SET last_seen_at = ? WHERE uuid = ?", Timestamp.from(earlier), bob.id());

        assertThat(Instant.parse(friend(alice, bob).path("lastSeen").asString())).isEqualTo(earlier);
        assertThat(presence.lastSeen(internalId(bob))).contains(earlier);
        assertThat(presence.isOnline(internalId(bob))).isFalse();
    }

    @Test
    void aPresenceFrameFromAClientIsRefusedAndToldToNobody() {
        friends.befriend(alice, bob);
        WsClient aliceWeb = connect(alice, "web");
        WsClient bobWeb = connect(bob, "web");
        assertThat(aliceWeb.next().getPresence().getUserId()).isEqualTo(bob.id());

        aliceWeb.send(Frame.newBuilder().setRef(5)
                .setPresence(Presence.newBuilder().setUserId(carol.id()).setOnline(true)).build());
        assertThat(aliceWeb.error(5).getCode()).isEqualTo("NOT_CLIENT_FRAME");
        aliceWeb.ping(6);
        assertNothingPushed(bobWeb);
    }

    private WsClient connect(Account account, String deviceId) {
        WsClient client = WsClient.connect(gateway.port(), account.accessToken(), deviceId, null);
        clients.add(client);
        client.welcome();
        long userId = internalId(account);
        await().atMost(WsClient.TIMEOUT).until(() -> sessions.devicesOf(userId).stream()
                .anyMatch(device -> device.deviceId().equals(deviceId)));
        return client;
    }

    /** Pings: the Pong must be the next frame, so nothing was queued for the device before it. */
    private static void assertNothingPushed(WsClient device) {
        device.send(Frame.newBuilder().setRef(99).setPing(Ping.newBuilder().setClientTime(1)).build());
        Frame next = device.next();
        assertThat(next.getKindCase()).as("next frame: %s", next).isEqualTo(Frame.KindCase.PONG);
    }

    /** The entry of {@code friend} in the friend list of {@code of}. */
    private JsonNode friend(Account of, Account friend) {
        return friends.friends(of).body().valueStream()
                .filter(f -> f.path("id").asString().equals(friend.id()))
                .findFirst().orElseThrow();
    }

    private Instant storedLastSeen(Account account) {
        Timestamp stored = jdbc.queryForObject("SELECT last_seen_at FROM users WHERE uuid = ?", Timestamp.class,
                account.id());
        return stored == null ? null : stored.toInstant();
    }

    private long internalId(Account account) {
        return users.findByUuid(account.id()).orElseThrow().getId();
    }

    @OnH2
    static class OnH2Test extends PresenceTests {
    }

    @OnMariaDb
    static class OnMariaDbTest extends PresenceTests {
    }
}
