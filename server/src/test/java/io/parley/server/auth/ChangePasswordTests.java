package io.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.server.support.ApiClient;
import io.parley.server.support.OnH2;
import io.parley.server.support.OnMariaDb;
import io.parley.server.support.ServerTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PUT /users/me/password over real HTTP, on H2 and on MariaDB. */
abstract class ChangePasswordTests extends ServerTest {

    private static final String PATH = "/api/v1/users/me/password";

    @Test
    void changingThePasswordEndsEveryOtherSessionButTheOneNamed() {
        ApiClient.Account alice = api.signUp(ApiClient.uniqueName("alice"));
        String laptopRefresh = login(alice.username(), alice.password()).body().path("refreshToken").asString();
        String phoneRefresh = login(alice.username(), alice.password()).body().path("refreshToken").asString();

        ApiClient.Response changed = api.put(PATH, alice.accessToken(), Map.of("currentPassword", alice.password(),
                "newPassword", "a-brand-new-password", "refreshToken", alice.refreshToken()));

        assertThat(changed.status()).isEqualTo(204);
        assertRefreshRefused(laptopRefresh);
        assertRefreshRefused(phoneRefresh);
        assertThat(refresh(alice.refreshToken()).status()).isEqualTo(200);

        assertThat(login(alice.username(), alice.password()).code()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(login(alice.username(), "a-brand-new-password").status()).isEqualTo(200);
    }

    @Test
    void withoutARefreshTokenEverySessionEnds() {
        ApiClient.Account bob = api.signUp(ApiClient.uniqueName("bob"));
        String otherRefresh = login(bob.username(), bob.password()).body().path("refreshToken").asString();

        assertThat(api.put(PATH, bob.accessToken(), Map.of("currentPassword", bob.password(),
                "newPassword", "another-password")).status()).isEqualTo(204);

        assertRefreshRefused(bob.refreshToken());
        assertRefreshRefused(otherRefresh);
    }

    @Test
    void anotherUsersRefreshTokenKeepsNoneOfMineAndLeavesTheirsAlone() {
        ApiClient.Account carol = api.signUp(ApiClient.uniqueName("carol"));
        ApiClient.Account dave = api.signUp(ApiClient.uniqueName("dave"));

        assertThat(api.put(PATH, carol.accessToken(), Map.of("currentPassword", carol.password(),
                "newPassword", "carols-new-password", "refreshToken", dave.refreshToken())).status()).isEqualTo(204);

        assertRefreshRefused(carol.refreshToken());
        assertThat(refresh(dave.refreshToken()).status()).isEqualTo(200);
    }

    @Test
    void aWrongCurrentPasswordIsForbiddenAndChangesNothing() {
        ApiClient.Account erin = api.signUp(ApiClient.uniqueName("erin"));

        ApiClient.Response response = api.put(PATH, erin.accessToken(), Map.of("currentPassword", "not-my-password",
                "newPassword", "whatever-new-password"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("WRONG_PASSWORD");
        assertThat(login(erin.username(), erin.password()).status()).isEqualTo(200);
        assertThat(refresh(erin.refreshToken()).status()).isEqualTo(200);
    }

    @Test
    void theNewPasswordFollowsTheRegistrationRules() {
        ApiClient.Account frank = api.signUp(ApiClient.uniqueName("frank"));
        assertInvalid(frank, Map.of("currentPassword", frank.password(), "newPassword", "short"), "newPassword");
        assertInvalid(frank, Map.of("currentPassword", frank.password(), "newPassword", "x".repeat(65)), "newPassword");
        assertInvalid(frank, Map.of("currentPassword", frank.password()), "newPassword");
        assertInvalid(frank, Map.of("newPassword", "long-enough-password"), "currentPassword");
        assertInvalid(frank, Map.of("currentPassword", frank.password(), "newPassword", "long-enough-password",
                "refreshToken", "r".repeat(129)), "refreshToken");

        // 37 characters, 74 bytes of UTF-8: bcrypt would silently ignore the end, so it is refused.
        assertInvalid(frank, Map.of("currentPassword", frank.password(), "newPassword", "é".repeat(37)), "newPassword");

        assertThat(login(frank.username(), frank.password()).status()).isEqualTo(200);
    }

    @Test
    void malformedBodiesAreMalformedRequests() {
        ApiClient.Account gina = api.signUp(ApiClient.uniqueName("gina"));
        for (String body : new String[] {"{not json", "", "{\"currentPassword\":{\"a\":1},\"newPassword\":\"long-enough\"}",
                "{\"currentPassword\":\"" + gina.password() + "\",\"newPassword\":[\"long-enough\"]}",
                "{\"currentPassword\":\"" + gina.password() + "\",\"newPassword\":12345678}"}) {
            ApiClient.Response response = api.send(api.request(PATH, gina.accessToken())
                    .header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.code()).as(body).isEqualTo("MALFORMED_REQUEST");
        }
        assertThat(login(gina.username(), gina.password()).status()).isEqualTo(200);
    }

    private void assertInvalid(ApiClient.Account account, Map<String, String> body, String field) {
        ApiClient.Response response = api.put(PATH, account.accessToken(), body);
        assertThat(response.status()).as(body.toString()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.body().path("fields").findValuesAsString("field")).as(body.toString()).containsOnly(field);
    }

    private ApiClient.Response login(String username, String password) {
        return api.post("/api/v1/auth/login", null, Map.of("username", username, "password", password));
    }

    private ApiClient.Response refresh(String refreshToken) {
        return api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", refreshToken));
    }

    private void assertRefreshRefused(String refreshToken) {
        ApiClient.Response response = refresh(refreshToken);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("INVALID_REFRESH_TOKEN");
    }

    @OnH2
    static class OnH2Test extends ChangePasswordTests {
    }

    @OnMariaDb
    static class OnMariaDbTest extends ChangePasswordTests {
    }
}
