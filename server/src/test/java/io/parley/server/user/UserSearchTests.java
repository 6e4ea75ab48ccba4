package io.parley.server.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.server.support.ApiClient;
import io.parley.server.support.OnH2;
import io.parley.server.support.OnMariaDb;
import io.parley.server.support.ServerTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /users?q=..., on H2 and on MariaDB. Each test searches for a tag only its own users carry. */
abstract class UserSearchTests extends ServerTest {

    @Test
    void findsUsernameOrNicknameSubstringsIgnoringCaseInUsernameOrder() {
        String tag = newTag();
        ApiClient.Account bob = api.signUp("bob_" + tag);
        ApiClient.Account amy = api.signUp("amy_" + tag.toUpperCase());
        ApiClient.Account cat = api.signUp(ApiClient.uniqueName("cat"));
        api.patch("/api/v1/users/me", cat.accessToken(), Map.of("nickname", "Fan of " + tag.toUpperCase()));
        api.signUp(ApiClient.uniqueName("dan"));

        ApiClient.Response response = api.get("/api/v1/users?q=" + tag, bob.accessToken());

        assertThat(response.status()).isEqualTo(200);
        assertThat(usernames(response.body())).containsExactly(amy.username(), bob.username(), cat.username());
        assertThat(response.body().path("total").asLong()).isEqualTo(3);
        assertThat(response.body().path("page").asInt()).isZero();
        assertThat(response.body().path("size").asInt()).isEqualTo(20);
        JsonNode first = response.body().path("items").get(0);
        assertThat(first.path("id").asString()).isEqualTo(amy.id());
        assertThat(first.has("email")).isFalse();
    }

    @Test
    void pagesAreStable() {
        String tag = newTag();
        ApiClient.Account first = api.signUp("a1_" + tag);
        ApiClient.Account second = api.signUp("a2_" + tag);
        ApiClient.Account third = api.signUp("a3_" + tag);

        ApiClient.Response page0 = api.get("/api/v1/users?q=" + tag + "&page=0&size=2", first.accessToken());
        ApiClient.Response page1 = api.get("/api/v1/users?q=" + tag + "&page=1&size=2", first.accessToken());
        ApiClient.Response page2 = api.get("/api/v1/users?q=" + tag + "&page=2&size=2", first.accessToken());

        assertThat(usernames(page0.body())).containsExactly(first.username(), second.username());
        assertThat(usernames(page1.body())).containsExactly(third.username());
        assertThat(usernames(page2.body())).isEmpty();
        assertThat(page1.body().path("page").asInt()).isEqualTo(1);
        assertThat(page1.body().path("size").asInt()).isEqualTo(2);
        assertThat(page2.body().path("total").asLong()).isEqualTo(3);
    }

    @Test
    void likeWildcardsInTheQueryAreLiteral() {
        String tag = newTag();
        ApiClient.Account ann = api.signUp("ann_" + tag);
        api.patch("/api/v1/users/me", ann.accessToken(), Map.of("nickname", "100%" + tag));
        api.signUp("annx" + tag);   // what "%tag" and "n_tag" would match if they were patterns

        assertThat(usernames(api.get("/api/v1/users?q=%25" + tag, ann.accessToken()).body()))
                .containsExactly(ann.username());
        assertThat(usernames(api.get("/api/v1/users?q=n_" + tag, ann.accessToken()).body()))
                .containsExactly(ann.username());
    }

    @Test
    void outOfBoundsParametersAreValidationFailures() {
        ApiClient.Account eve = api.signUp(ApiClient.uniqueName("eve"));
        Map<String, String> bad = Map.of(
                "/api/v1/users", "q",
                "/api/v1/users?q=", "q",
                "/api/v1/users?q=%20%20", "q",
                "/api/v1/users?q=" + "x".repeat(65), "q",
                "/api/v1/users?q=eve&size=0", "size",
                "/api/v1/users?q=eve&size=51", "size",
                "/api/v1/users?q=eve&page=-1", "page",
                "/api/v1/users?q=eve&page=1001", "page");
        bad.forEach((path, field) -> {
            ApiClient.Response response = api.get(path, eve.accessToken());
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.code()).as(path).isEqualTo("VALIDATION_FAILED");
            assertThat(response.body().path("fields").findValuesAsString("field")).as(path).containsOnly(field);
        });
        assertThat(api.get("/api/v1/users?q=eve&size=50&page=1000", eve.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void nonNumbersAreMalformedRequests() {
        ApiClient.Account fay = api.signUp(ApiClient.uniqueName("fay"));
        for (String path : List.of("/api/v1/users?q=fay&size=abc", "/api/v1/users?q=fay&page=1.5",
                "/api/v1/users?q=fay&size=99999999999999999999")) {
            ApiClient.Response response = api.get(path, fay.accessToken());
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.code()).as(path).isEqualTo("MALFORMED_REQUEST");
        }
    }

    /** Eight random letters and digits: usable in a username and matched by no other test's users. */
    private static String newTag() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 7);
    }

    private static List<String> usernames(JsonNode page) {
        return page.path("items").findValuesAsString("username");
    }

    @OnH2
    static class OnH2Test extends UserSearchTests {
    }

    @OnMariaDb
    static class OnMariaDbTest extends UserSearchTests {
    }
}
