package io.parley.server.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.server.support.ApiClient;
import io.parley.server.support.OnH2;
import io.parley.server.support.OnMariaDb;
import io.parley.server.support.ServerTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** PATCH /users/me and GET /users/{id}, on H2 and on MariaDB. */
abstract class ProfileTests extends ServerTest {

    @Test
    void patchChangesTheCallerAndNobodyElseWhateverTheBodyClaims() {
        ApiClient.Account alice = api.signUp(ApiClient.uniqueName("alice"));
        ApiClient.Account bob = api.signUp(ApiClient.uniqueName("bob"));

        ApiClient.Response patched = api.patch("/api/v1/users/me", alice.accessToken(), Map.of(
                "nickname", "  Alice in Chains  ", "email", "alice@new.example",
                "id", bob.id(), "username", bob.username()));

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body().path("id").asString()).isEqualTo(alice.id());
        assertThat(patched.body().path("username").asString()).isEqualTo(alice.username());
        assertThat(patched.body().path("nickname").asString()).isEqualTo("Alice in Chains");
        assertThat(patched.body().path("email").asString()).isEqualTo("alice@new.example");
        assertThat(api.get("/api/v1/users/me", alice.accessToken()).body()).isEqualTo(patched.body());

        JsonNode bobNow = api.get("/api/v1/users/me", bob.accessToken()).body();
        assertThat(bobNow.path("nickname").asString()).isEqualTo("Nick " + bob.username());
        assertThat(bobNow.path("email").asString()).isEqualTo(bob.username() + "@example.com");
    }

    @Test
    void fieldsLeftOutOrNullKeepTheirValue() {
        ApiClient.Account carol = api.signUp(ApiClient.uniqueName("carol"));
        api.patch("/api/v1/users/me", carol.accessToken(), Map.of("nickname", "Carol"));
        Map<String, Object> nullEmail = new LinkedHashMap<>();
        nullEmail.put("email", null);
        ApiClient.Response response = api.patch("/api/v1/users/me", carol.accessToken(), nullEmail);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("nickname").asString()).isEqualTo("Carol");
        assertThat(response.body().path("email").asString()).isEqualTo(carol.username() + "@example.com");
        assertThat(api.patch("/api/v1/users/me", carol.accessToken(), Map.of()).body().path("nickname").asString())
                .isEqualTo("Carol");
    }

    @Test
    void invalidOversizedOrBlankFieldsAreRefusedAndChangeNothing() {
        ApiClient.Account dave = api.signUp(ApiClient.uniqueName("dave"));
        JsonNode before = api.get("/api/v1/users/me", dave.accessToken()).body();

        assertRefused(dave, Map.of("nickname", ""), "nickname");
        assertRefused(dave, Map.of("nickname", " \t "), "nickname");
        assertRefused(dave, Map.of("nickname", "n".repeat(65)), "nickname");
        assertRefused(dave, Map.of("email", "not-an-email"), "email");
        assertRefused(dave, Map.of("email", "  "), "email");
        assertRefused(dave, Map.of("email", longestEmail() + "x"), "email");
        assertRefused(dave, Map.of("nickname", "fine", "email", "not-an-email"), "email");

        assertThat(api.get("/api/v1/users/me", dave.accessToken()).body()).isEqualTo(before);
    }

    @Test
    void theLongestValidValuesFit() {
        ApiClient.Account erin = api.signUp(ApiClient.uniqueName("erin"));
        String nickname = "ü".repeat(32) + "\uD83D\uDE00".repeat(16);   // 64 UTF-16 chars, emoji need utf8mb4
        String email = longestEmail();
        ApiClient.Response response = api.patch("/api/v1/users/me", erin.accessToken(),
                Map.of("nickname", nickname, "email", email));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("nickname").asString()).isEqualTo(nickname);
        assertThat(response.body().path("email").asString()).isEqualTo(email);
    }

    @Test
    void malformedJsonAndWrongTypesAreMalformedRequests() {
        ApiClient.Account frank = api.signUp(ApiClient.uniqueName("frank"));
        for (String body : new String[] {"{not json", "[]", "{\"nickname\":[\"a\"]}", "{\"email\":{\"a\":1}}", "\"text\"",
                "{\"nickname\":5}", "{\"nickname\":true}", "{\"nickname\":1.5}", "{\"email\":12}"}) {
            ApiClient.Response response = api.patch("/api/v1/users/me", frank.accessToken(), body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.code()).as(body).isEqualTo("MALFORMED_REQUEST");
        }
        ApiClient.Response me = api.get("/api/v1/users/me", frank.accessToken());
        assertThat(me.body().path("nickname").asString()).isEqualTo("Nick " + frank.username());
        assertThat(me.body().path("email").asString()).isEqualTo(frank.username() + "@example.com");
    }

    @Test
    void aNonJsonBodyIsAnUnsupportedMediaType() {
        ApiClient.Account gina = api.signUp(ApiClient.uniqueName("gina"));
        ApiClient.Response response = api.send(api.request("/api/v1/users/me", gina.accessToken())
                .header("Content-Type", "text/plain")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("nickname=x")));
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void noPathChangesAnotherUsersProfile() {
        ApiClient.Account mallory = api.signUp(ApiClient.uniqueName("mallory"));
        ApiClient.Account victim = api.signUp(ApiClient.uniqueName("victim"));

        ApiClient.Response response = api.patch("/api/v1/users/" + victim.id(), mallory.accessToken(),
                Map.of("nickname", "pwned"));

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.code()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(api.get("/api/v1/users/" + victim.id(), mallory.accessToken()).body().path("nickname").asString())
                .isEqualTo("Nick " + victim.username());
    }

    @Test
    void aPublicProfileShowsNoEmail() {
        ApiClient.Account henry = api.signUp(ApiClient.uniqueName("henry"));
        ApiClient.Account iris = api.signUp(ApiClient.uniqueName("iris"));

        ApiClient.Response response = api.get("/api/v1/users/" + iris.id(), henry.accessToken());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("id").asString()).isEqualTo(iris.id());
        assertThat(response.body().path("username").asString()).isEqualTo(iris.username());
        assertThat(response.body().path("nickname").asString()).isEqualTo("Nick " + iris.username());
        assertThat(response.body().has("email")).isFalse();
        assertThat(response.body().has("avatarUrl")).isTrue();
        assertThat(response.body().path("avatarUrl").isNull()).isTrue();
    }

    @Test
    void unknownAndMalformedIdsAreUserNotFound() {
        ApiClient.Account jack = api.signUp(ApiClient.uniqueName("jack"));
        for (String id : new String[] {"00000000-0000-0000-0000-000000000000", "not-a-uuid", "1", "x".repeat(300),
                "%27%20OR%201=1%20--"}) {
            ApiClient.Response response = api.get("/api/v1/users/" + id, jack.accessToken());
            assertThat(response.status()).as(id).isEqualTo(404);
            assertThat(response.code()).as(id).isEqualTo("USER_NOT_FOUND");
        }
    }

    @Test
    void everyAccountEndpointNeedsAValidToken() {
        ApiClient.Account kate = api.signUp(ApiClient.uniqueName("kate"));
        String forged = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad";
        for (String token : new String[] {null, forged, kate.refreshToken()}) {
            assertUnauthenticated(api.patch("/api/v1/users/me", token, Map.of("nickname", "x")));
            assertUnauthenticated(api.get("/api/v1/users/" + kate.id(), token));
            assertUnauthenticated(api.get("/api/v1/users?q=kate", token));
            assertUnauthenticated(api.put("/api/v1/users/me/password", token,
                    Map.of("currentPassword", kate.password(), "newPassword", "new-password-1")));
            assertUnauthenticated(api.upload("/api/v1/users/me/avatar", token, "file", "a.png", "image/png", new byte[10]));
        }
        assertThat(api.get("/api/v1/users/me", kate.accessToken()).body().path("nickname").asString())
                .isEqualTo("Nick " + kate.username());
    }

    private void assertRefused(ApiClient.Account account, Map<String, Object> body, String field) {
        ApiClient.Response response = api.patch("/api/v1/users/me", account.accessToken(), body);
        assertThat(response.status()).as(body.toString()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.body().path("fields").findValuesAsString("field")).as(body.toString()).containsOnly(field);
    }

    /** 254 characters: a 64-character local part (the most an address allows) and labels of at most 63. */
    private static String longestEmail() {
        String email = "e".repeat(64) + "@" + "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(61);
        assertThat(email).hasSize(254);
        return email;
    }

    private static void assertUnauthenticated(ApiClient.Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("UNAUTHENTICATED");
    }

    @OnH2
    static class OnH2Test extends ProfileTests {
    }

    @OnMariaDb
    static class OnMariaDbTest extends ProfileTests {
    }
}
