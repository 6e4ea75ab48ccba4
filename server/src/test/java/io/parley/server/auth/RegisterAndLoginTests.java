package io.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.server.support.ApiClient;
import io.parley.server.support.OnH2;
import io.parley.server.support.OnMariaDb;
import io.parley.server.support.ServerTest;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Registration, login, refresh and logout over real HTTP, on H2 and on MariaDB. */
abstract class RegisterAndLoginTests extends ServerTest {

    @Test
    void registerLoginAndReadMe() {
        String name = ApiClient.uniqueName("alice");
        ApiClient.Account alice = api.signUp(name);

        ApiClient.Response me = api.get("/api/v1/users/me", alice.accessToken());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().path("username").asString()).isEqualTo(name);
        assertThat(me.body().path("id").asString()).isEqualTo(alice.id());
        assertThat(me.body().has("password")).isFalse();
        assertThat(me.body().has("passwordHash")).isFalse();
    }

    @Test
    void duplicateUsernameIsConflict() {
        String name = ApiClient.uniqueName("dup");
        api.signUp(name);
        ApiClient.Response again = api.post("/api/v1/auth/register", null, Map.of("username", name,
                "password", "another-password", "nickname", "x", "email", "x@example.com"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("USERNAME_TAKEN");
    }

    @Test
    void usernamesThatDifferOnlyInCaseNameOneAccount() {
        String name = ApiClient.uniqueName("Alice");
        ApiClient.Account alice = api.signUp(name);

        ApiClient.Response shouted = api.post("/api/v1/auth/register", null, Map.of("username",
                name.toUpperCase(Locale.ROOT), "password", "another-password", "nickname", "x", "email", "x@example.com"));
        assertThat(shouted.status()).isEqualTo(409);
        assertThat(shouted.code()).isEqualTo("USERNAME_TAKEN");

        ApiClient.Response login = api.post("/api/v1/auth/login", null,
                Map.of("username", name.toLowerCase(Locale.ROOT), "password", alice.password()));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body().path("user").path("id").asString()).isEqualTo(alice.id());
        assertThat(login.body().path("user").path("username").asString()).as("the case it was registered with")
                .isEqualTo(name);
    }

    @Test
    void wrongPasswordAndUnknownUserLookTheSame() {
        ApiClient.Account bob = api.signUp(ApiClient.uniqueName("bob"));
        ApiClient.Response wrongPassword = api.post("/api/v1/auth/login", null,
                Map.of("username", bob.username(), "password", "not-the-password"));
        ApiClient.Response unknownUser = api.post("/api/v1/auth/login", null,
                Map.of("username", ApiClient.uniqueName("nobody"), "password", "not-the-password"));
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(wrongPassword.body()).isEqualTo(unknownUser.body());
    }

    @Test
    void refreshRotatesAndLogoutRevokes() {
        ApiClient.Account carol = api.signUp(ApiClient.uniqueName("carol"));
        ApiClient.Response refreshed = api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", carol.refreshToken()));
        assertThat(refreshed.status()).isEqualTo(200);
        String newRefresh = refreshed.body().path("refreshToken").asString();
        assertThat(api.get("/api/v1/users/me", refreshed.body().path("accessToken").asString()).status()).isEqualTo(200);

        ApiClient.Response reused = api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", carol.refreshToken()));
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.code()).isEqualTo("INVALID_REFRESH_TOKEN");

        assertThat(api.post("/api/v1/auth/logout", null, Map.of("refreshToken", newRefresh)).status()).isEqualTo(204);
        ApiClient.Response afterLogout = api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", newRefresh));
        assertThat(afterLogout.status()).isEqualTo(401);
        assertThat(afterLogout.code()).isEqualTo("INVALID_REFRESH_TOKEN");
    }

    @Test
    void badRegistrationsAreExplained() {
        ApiClient.Response response = api.post("/api/v1/auth/register", null, Map.of("username", "a b",
                "password", "short", "nickname", "", "email", "not-an-email"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.body().path("fields").findValuesAsString("field"))
                .contains("username", "password", "nickname", "email");

        ApiClient.Response garbage = api.post("/api/v1/auth/register", null, "{not json");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.code()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void aPasswordOfMoreThan72BytesIsRefusedByName() {
        // 37 characters, 74 bytes of UTF-8: bcrypt would silently ignore the end.
        ApiClient.Response response = api.post("/api/v1/auth/register", null, Map.of("username",
                ApiClient.uniqueName("long"), "password", "é".repeat(37), "nickname", "x", "email", "x@example.com"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.body().path("fields").findValuesAsString("field")).containsExactly("password");
        assertThat(response.body().path("fields").path(0).path("problem").asString()).contains("72 bytes");
    }

    @Test
    void wrongJsonTypesAreMalformedAndRegisterNobody() {
        String name = ApiClient.uniqueName("typed");
        for (Map.Entry<String, Object> wrong : Map.<String, Object>of("nickname", 42, "email", true, "username", 7,
                "password", 12345678).entrySet()) {
            Map<String, Object> body = new HashMap<>(Map.of("username", name, "password", "long-enough",
                    "nickname", "x", "email", "x@example.com"));
            body.put(wrong.getKey(), wrong.getValue());
            ApiClient.Response response = api.post("/api/v1/auth/register", null, body);
            assertThat(response.status()).as(body.toString()).isEqualTo(400);
            assertThat(response.code()).as(body.toString()).isEqualTo("MALFORMED_REQUEST");
        }
        assertThat(api.post("/api/v1/auth/login", null, Map.of("username", name, "password", "long-enough")).code())
                .isEqualTo("INVALID_CREDENTIALS");
    }

    @Test
    void aBlankLoginIsWrongCredentialsLikeAnyOther() {
        ApiClient.Response response = api.post("/api/v1/auth/login", null, Map.of("username", "", "password", ""));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("INVALID_CREDENTIALS");
    }

    @Test
    void apiNeedsAToken() {
        ApiClient.Response none = api.get("/api/v1/users/me", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.code()).isEqualTo("UNAUTHENTICATED");
        ApiClient.Response forged = api.get("/api/v1/users/me", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.code()).isEqualTo("UNAUTHENTICATED");
    }

    @OnH2
    static class OnH2Test extends RegisterAndLoginTests {
    }

    @OnMariaDb
    static class OnMariaDbTest extends RegisterAndLoginTests {
    }
}
