package io.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.server.support.ApiClient;
import io.parley.server.support.OnH2;
import io.parley.server.support.OnMariaDb;
import io.parley.server.support.ServerTest;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.TestPropertySource;

/**
 * The login throttle over real HTTP with small limits, on H2 and on MariaDB. All requests come from
 * 127.0.0.1, so the tests share one address count: the address test runs last, when the others have left
 * fewer than {@link #PER_ADDRESS} failures behind.
 */
@TestPropertySource(properties = {
        "parley.auth.login-throttle.max-failures-per-account=" + ThrottledLoginTests.PER_ACCOUNT,
        "parley.auth.login-throttle.max-failures-per-address=" + ThrottledLoginTests.PER_ADDRESS,
        "parley.auth.login-throttle.window=15m"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ThrottledLoginTests extends ServerTest {

    static final int PER_ACCOUNT = 3;
    static final int PER_ADDRESS = 30;
    private static final long WINDOW_SECONDS = 15 * 60;

    @Test
    @Order(1)
    void aLockedAccountRefusesEvenTheRightPasswordAndOthersAreUnaffected() {
        ApiClient.Account alice = api.signUp(ApiClient.uniqueName("alice"));
        ApiClient.Account bob = api.signUp(ApiClient.uniqueName("bob"));
        for (int i = 0; i < PER_ACCOUNT; i++) {
            assertThat(login(alice.username(), "wrong-password").code()).isEqualTo("INVALID_CREDENTIALS");
        }

        assertThrottled(login(alice.username(), alice.password()));
        assertThrottled(login(alice.username().toUpperCase(), alice.password()));
        assertThat(login(bob.username(), bob.password()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/users/me", alice.accessToken()).status()).as("existing sessions go on").isEqualTo(200);
    }

    @Test
    @Order(1)
    void unknownUsernamesAreThrottledJustLikeRealOnes() {
        String nobody = ApiClient.uniqueName("nobody");
        for (int i = 0; i < PER_ACCOUNT; i++) {
            assertThat(login(nobody, "wrong-password").code()).isEqualTo("INVALID_CREDENTIALS");
        }
        ApiClient.Response refused = login(nobody, "wrong-password");
        assertThrottled(refused);
        assertThat(refused.body().path("message").asString()).isEqualTo("Too many failed attempts; try again later");
    }

    @Test
    @Order(1)
    void aSuccessfulLoginClearsTheAccountsFailures() {
        ApiClient.Account carol = api.signUp(ApiClient.uniqueName("carol"));
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < PER_ACCOUNT - 1; i++) {
                assertThat(login(carol.username(), "wrong-password").status()).isEqualTo(401);
            }
            assertThat(login(carol.username(), carol.password()).status()).as("round " + round).isEqualTo(200);
        }
    }

    @Test
    @Order(1)
    void wrongCurrentPasswordsOnPasswordChangeCountToo() {
        ApiClient.Account dave = api.signUp(ApiClient.uniqueName("dave"));
        for (int i = 0; i < PER_ACCOUNT; i++) {
            assertThat(api.put("/api/v1/users/me/password", dave.accessToken(), Map.of(
                    "currentPassword", "guess-" + i, "newPassword", "taken-over-account")).code())
                    .isEqualTo("WRONG_PASSWORD");
        }
        assertThrottled(api.put("/api/v1/users/me/password", dave.accessToken(), Map.of(
                "currentPassword", dave.password(), "newPassword", "taken-over-account")));
        assertThrottled(login(dave.username(), dave.password()));
    }

    @Test
    @Order(2)
    void anAddressIsThrottledAcrossAccounts() {
        ApiClient.Account fresh = api.signUp(ApiClient.uniqueName("fresh"));
        int attempts = 0;
        ApiClient.Response response;
        do {
            response = login(ApiClient.uniqueName("guess"), "wrong-password");
            attempts++;
        } while (response.status() == 401 && attempts <= PER_ADDRESS);
        assertThrottled(response);
        assertThrottled(login(fresh.username(), fresh.password()));
    }

    private ApiClient.Response login(String username, String password) {
        return api.post("/api/v1/auth/login", null, Map.of("username", username, "password", password));
    }

    private static void assertThrottled(ApiClient.Response response) {
        assertThat(response.status()).isEqualTo(429);
        assertThat(response.code()).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(response.body().has("accessToken")).isFalse();
        assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(1L, WINDOW_SECONDS);
    }

    @OnH2
    static class OnH2Test extends ThrottledLoginTests {
    }

    @OnMariaDb
    static class OnMariaDbTest extends ThrottledLoginTests {
    }
}
