package io.parley.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.parley.protocol.Pong;
import io.parley.protocol.Welcome;
import io.parley.server.support.ApiClient;
import io.parley.server.support.OnH2;
import io.parley.server.support.OnMariaDb;
import io.parley.server.support.WsClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Opening the WebSocket: token, origin, device id, the Welcome frame, several devices, heartbeat. */
abstract class GatewayHandshakeTests extends GatewayTest {

    @Test
    void goodTokenGetsWelcome() {
        ApiClient.Account alice = signUp("ws_alice");
        long before = System.currentTimeMillis();

        Welcome welcome = connect(alice).welcome();

        assertThat(welcome.getUserId()).isEqualTo(alice.id());
        assertThat(welcome.getDeviceId()).matches("[A-Za-z0-9_-]{1,64}");
        assertThat(welcome.getHeartbeatIntervalSeconds()).isEqualTo(25);
        assertThat(welcome.getIdleTimeoutSeconds()).isEqualTo(60);
        assertThat(welcome.getMaxFrameBytes()).isEqualTo(MAX_FRAME_BYTES);
        assertThat(welcome.getServerTime()).isBetween(before - 5_000, System.currentTimeMillis() + 5_000);
    }

    @Test
    void tokenInAuthorizationHeaderWorksToo() {
        ApiClient.Account bob = signUp("ws_bob");

        WsClient ws = track(WsClient.to(gateway.port()).bearer(bob.accessToken()).deviceId("laptop-1").connect());

        Welcome welcome = ws.welcome();
        assertThat(welcome.getUserId()).isEqualTo(bob.id());
        assertThat(welcome.getDeviceId()).isEqualTo("laptop-1");
    }

    @Test
    void twoDevicesOfOneUserAreBothConnected() {
        ApiClient.Account carol = signUp("ws_carol");

        WsClient phone = track(WsClient.connect(gateway.port(), carol.accessToken(), "phone", null));
        WsClient laptop = track(WsClient.connect(gateway.port(), carol.accessToken(), "laptop", null));
        assertThat(phone.welcome().getDeviceId()).isEqualTo("phone");
        assertThat(laptop.welcome().getDeviceId()).isEqualTo("laptop");

        assertThat(devicesInDirectory(carol)).containsExactlyInAnyOrder("phone", "laptop");
        phone.ping(1);
        laptop.ping(2);

        phone.close();
        await().atMost(WsClient.TIMEOUT).until(() -> devicesInDirectory(carol).equals(Set.of("laptop")));
        laptop.ping(3);
    }

    @Test
    void sameDeviceConnectingAgainReplacesTheOlderConnection() {
        ApiClient.Account dave = signUp("ws_dave");
        WsClient first = track(WsClient.connect(gateway.port(), dave.accessToken(), "tablet", null));
        first.welcome();

        WsClient second = track(WsClient.connect(gateway.port(), dave.accessToken(), "tablet", null));
        second.welcome();

        assertThat(first.awaitClose()).isEqualTo(4409);
        assertThat(first.closeReason()).isEqualTo("replaced");
        second.ping(1);
        assertThat(directory.devicesOf(internalId(dave))).hasSize(1);
    }

    @Test
    void pingIsAnsweredWithPongCarryingRefAndClientTime() {
        WsClient ws = connect(signUp("ws_pinger"));
        ws.welcome();
        long before = System.currentTimeMillis();

        Pong pong = ws.ping(4242);   // asserts ref and client_time are echoed

        assertThat(pong.getServerTime()).isBetween(before - 5_000, System.currentTimeMillis() + 5_000);
    }

    @Test
    void missingTokenIsClosedWith4401() {
        WsClient ws = track(WsClient.to(gateway.port()).connect());

        assertThat(ws.awaitClose()).isEqualTo(4401);
    }

    @Test
    void badTokensAreClosedWith4401() {
        for (String token : new String[] {"garbage", "", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad"}) {
            WsClient ws = track(WsClient.to(gateway.port()).token(token).connect());
            assertThat(ws.awaitClose()).as("token '%s'", token).isEqualTo(4401);
        }
        WsClient badHeader = track(WsClient.to(gateway.port()).bearer("garbage").connect());
        assertThat(badHeader.awaitClose()).isEqualTo(4401);
    }

    @Test
    void tokenSignedWithAnotherKeyIsClosedWith4401() throws Exception {
        ApiClient.Account erin = signUp("ws_erin");
        String forged = resign(erin.accessToken(), Instant.now().plusSeconds(600),
                "another-key-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8));

        assertThat(track(WsClient.connect(gateway.port(), forged)).awaitClose()).isEqualTo(4401);
    }

    @Test
    void expiredTokenIsClosedWith4401() throws Exception {
        ApiClient.Account frank = signUp("ws_frank");
        byte[] key = Base64.getDecoder().decode(SIGNING_KEY);
        String expired = resign(frank.accessToken(), Instant.now().minusSeconds(1), key);
        // The same claims re-signed with a future expiry are accepted: expiry alone makes the difference.
        String stillValid = resign(frank.accessToken(), Instant.now().plusSeconds(600), key);

        assertThat(track(WsClient.connect(gateway.port(), expired)).awaitClose()).isEqualTo(4401);
        assertThat(track(WsClient.connect(gateway.port(), stillValid)).welcome().getUserId()).isEqualTo(frank.id());
    }

    @Test
    void aTokenWithoutExpiryIsRefusedOnBothDoors() throws Exception {
        ApiClient.Account ivan = signUp("ws_ivan");
        byte[] key = Base64.getDecoder().decode(SIGNING_KEY);
        String forever = resign(ivan.accessToken(), null, key);

        assertThat(track(WsClient.connect(gateway.port(), forever)).awaitClose()).isEqualTo(4401);
        ApiClient.Response rest = api.get("/api/v1/users/me", forever);
        assertThat(rest.status()).isEqualTo(401);
        assertThat(rest.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void originNotOnTheAllowListIsRefusedWith403() {
        ApiClient.Account gina = signUp("ws_gina");

        int status = WsClient.to(gateway.port()).token(gina.accessToken()).origin("http://evil.example").refusedStatus();

        assertThat(status).isEqualTo(403);
        assertThat(devicesInDirectory(gina)).isEmpty();
    }

    @Test
    void allowedOriginAndNoOriginAreAccepted() {
        ApiClient.Account hugo = signUp("ws_hugo");

        WsClient browser = track(WsClient.connect(gateway.port(), hugo.accessToken(), "browser", ALLOWED_ORIGIN));
        WsClient nativeApp = track(WsClient.connect(gateway.port(), hugo.accessToken(), "app", null));

        assertThat(browser.welcome().getDeviceId()).isEqualTo("browser");
        assertThat(nativeApp.welcome().getDeviceId()).isEqualTo("app");
    }

    @Test
    void invalidDeviceIdIsClosedWith4400() {
        ApiClient.Account ivan = signUp("ws_ivan");
        for (String deviceId : new String[] {"", "has space", "x".repeat(65), "ümlaut", "a/b"}) {
            WsClient ws = track(WsClient.connect(gateway.port(), ivan.accessToken(), deviceId, null));
            assertThat(ws.awaitClose()).as("device_id '%s'", deviceId).isEqualTo(4400);
        }
        assertThat(track(WsClient.connect(gateway.port(), ivan.accessToken(), "x".repeat(64), null)).welcome()
                .getDeviceId()).hasSize(64);
        assertThat(devicesInDirectory(ivan)).containsExactly("x".repeat(64));
    }

    @Test
    void otherPathsAreNotFound() {
        ApiClient.Account jane = signUp("ws_jane");

        assertThat(WsClient.to(gateway.port()).path("/wsx").token(jane.accessToken()).refusedStatus()).isEqualTo(404);
        assertThat(WsClient.to(gateway.port()).path("/ws/more").token(jane.accessToken()).refusedStatus()).isEqualTo(404);
    }

    @Test
    void connectionsFramesAndClosesAreMeasured() {
        ApiClient.Account kim = signUp("ws_kim");
        WsClient ws = connect(kim);
        ws.welcome();
        ws.ping(1);
        track(WsClient.to(gateway.port()).connect()).awaitClose();

        String metrics = new String(api.get("/actuator/prometheus", null).raw().body(), StandardCharsets.UTF_8);

        assertThat(metrics).containsPattern("(?m)^parley_gateway_connections\\{[^}]*} [1-9]");
        assertThat(metrics).containsPattern("(?m)^parley_gateway_frames_in_total\\{[^}]*kind=\"ping\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("(?m)^parley_gateway_frames_out_total\\{[^}]*kind=\"welcome\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("(?m)^parley_gateway_closes_total\\{[^}]*code=\"4401\"[^}]*} [1-9]");
    }

    /** The token's own claims, signed again with {@code key} and a new expiry (none when null). */
    private static String resign(String token, Instant expires, byte[] key) throws Exception {
        Instant issued = expires == null ? Instant.now() : expires.minus(Duration.ofMinutes(15));
        JWTClaimsSet claims = new JWTClaimsSet.Builder(SignedJWT.parse(token).getJWTClaimsSet())
                .issueTime(Date.from(issued))
                .expirationTime(expires == null ? null : Date.from(expires))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }

    @OnH2
    static class OnH2Test extends GatewayHandshakeTests {
    }

    @OnMariaDb
    static class OnMariaDbTest extends GatewayHandshakeTests {
    }
}
