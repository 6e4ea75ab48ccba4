package io.parley.server.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.server.support.ApiClient.Account;
import io.parley.server.support.ApiClient.Response;
import io.parley.server.support.OnH2;
import io.parley.server.support.OnMariaDb;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every group endpoint refuses callers without a valid token, ids that are not ids and bodies that are not JSON. */
abstract class GroupBadInputTests extends GroupTest {

    private record Call(String method, String path, Object body) {
    }

    /** Every endpoint that takes a token, with {@code {g}} for a group id and {@code {u}} for a user id. */
    private static final List<Call> CALLS = List.of(
            new Call("POST", "/api/v1/groups", Map.of("name", "g", "joinPolicy", "OPEN")),
            new Call("GET", "/api/v1/groups?q=g", null),
            new Call("GET", "/api/v1/groups/mine", null),
            new Call("GET", "/api/v1/groups/{g}", null),
            new Call("PATCH", "/api/v1/groups/{g}", Map.of("name", "n")),
            new Call("DELETE", "/api/v1/groups/{g}", null),
            new Call("PUT", "/api/v1/groups/{g}/mute", null),
            new Call("DELETE", "/api/v1/groups/{g}/mute", null),
            new Call("POST", "/api/v1/groups/{g}/transfer", Map.of("userId", "{u}")),
            new Call("POST", "/api/v1/groups/{g}/join", null),
            new Call("GET", "/api/v1/groups/{g}/requests", null),
            new Call("POST", "/api/v1/groups/{g}/requests/1/approve", null),
            new Call("POST", "/api/v1/groups/{g}/requests/1/reject", null),
            new Call("POST", "/api/v1/groups/{g}/invitations", Map.of("userId", "{u}")),
            new Call("GET", "/api/v1/groups/{g}/members", null),
            new Call("DELETE", "/api/v1/groups/{g}/members/me", null),
            new Call("DELETE", "/api/v1/groups/{g}/members/{u}", null),
            new Call("PUT", "/api/v1/groups/{g}/members/{u}/mute", Map.of("minutes", 5)),
            new Call("DELETE", "/api/v1/groups/{g}/members/{u}/mute", null),
            new Call("PUT", "/api/v1/groups/{g}/members/{u}/role", Map.of("role", "ADMIN")),
            new Call("GET", "/api/v1/group-invitations", null),
            new Call("POST", "/api/v1/group-invitations/1/accept", null),
            new Call("POST", "/api/v1/group-invitations/1/reject", null));

    @Test
    void withoutAValidTokenNothingIsAnsweredOrChanged() {
        Account member = friendOfOwner("member");
        String id = groups.createOk(owner, "OPEN", member);

        for (String token : new String[] {null, "not-a-token", owner.accessToken() + "x"}) {
            for (Call call : CALLS) {
                Response response = send(call, id, member.id(), token);
                assertThat(response.status()).as(call + " with token " + token).isEqualTo(401);
                assertThat(response.code()).isEqualTo("UNAUTHENTICATED");
            }
            assertThat(api.upload("/api/v1/groups/" + id + "/avatar", token, "file", "a.png", "image/png", new byte[8])
                    .status()).isEqualTo(401);
        }

        Response group = groups.get(owner, id);
        assertThat(group.body().path("memberCount").asLong()).isEqualTo(2);
        assertThat(group.body().path("name").asString()).startsWith("group_");
    }

    @Test
    void idsThatAreNotIdsAreMalformed() {
        Account member = friendOfOwner("member");
        String id = groups.createOk(owner, "OPEN", member);
        for (String badGroup : List.of("nope", "12345", "0b6c2f7a-1d9e-4c1b-9a51", "%20")) {
            for (Call call : CALLS) {
                if (call.path().contains("{g}")) {
                    Response response = send(call, badGroup, member.id(), owner.accessToken());
                    assertRefused(response, 400, "MALFORMED_REQUEST");
                }
            }
        }
        for (Call call : CALLS) {
            if (call.path().contains("{u}")) {
                assertRefused(send(call, id, "nobody", owner.accessToken()), 400, "MALFORMED_REQUEST");
            }
        }
        assertRefused(api.post("/api/v1/groups/" + id + "/requests/99999999999999999999/approve", owner.accessToken(),
                null), 400, "MALFORMED_REQUEST");
        assertThat(groups.members(owner, id).body().size()).isEqualTo(2);
    }

    @Test
    void bodiesThatAreNotTheExpectedJsonAreRefused() {
        Account member = friendOfOwner("member");
        String id = groups.createOk(owner, "OPEN", member);
        String token = owner.accessToken();

        for (String body : List.of("", "{", "null", "\"text\"", "{\"role\": [1]}")) {
            assertRefused(api.put("/api/v1/groups/" + id + "/members/" + member.id() + "/role", token, body), 400,
                    "MALFORMED_REQUEST");
        }
        assertRefused(api.post("/api/v1/groups/" + id + "/invitations", token, "{\"userId\": 5}"), 400,
                "MALFORMED_REQUEST");
        assertRefused(api.post("/api/v1/groups/" + id + "/invitations", token, "{}"), 400, "VALIDATION_FAILED");
        Response plainText = api.send(api.request("/api/v1/groups/" + id, token)
                .header("Content-Type", "text/plain").method("PATCH", HttpRequest.BodyPublishers.ofString("name=x")));
        assertRefused(plainText, 415, "UNSUPPORTED_MEDIA_TYPE");
        Response huge = api.post("/api/v1/groups", token, Map.of("name", "g", "joinPolicy", "OPEN",
                "notice", "x".repeat(200_000)));
        assertRefused(huge, 400, "VALIDATION_FAILED");
        assertThat(groups.get(member, id).body().path("memberCount").asLong()).isEqualTo(2);
    }

    private Response send(Call call, String groupId, String userId, String token) {
        String path = call.path().replace("{g}", groupId).replace("{u}", userId);
        Object body = call.body() instanceof Map<?, ?> map && map.containsValue("{u}") ? Map.of("userId", userId)
                : call.body();
        return switch (call.method()) {
            case "GET" -> api.get(path, token);
            case "POST" -> api.post(path, token, body);
            case "PUT" -> api.put(path, token, body);
            case "PATCH" -> api.patch(path, token, body);
            case "DELETE" -> api.delete(path, token);
            default -> throw new IllegalArgumentException(call.method());
        };
    }

    @OnH2
    static class OnH2Test extends GroupBadInputTests {
    }

    @OnMariaDb
    static class OnMariaDbTest extends GroupBadInputTests {
    }
}
