package io.parley.server.friend;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.server.support.ApiClient;
import io.parley.server.support.FriendApi;
import io.parley.server.support.ApiClient.Account;
import io.parley.server.support.ApiClient.Response;
import io.parley.server.support.OnH2;
import io.parley.server.support.OnMariaDb;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Friend requests and friendships over real HTTP: the lifecycle and every refusal, on H2 and on MariaDB. */
abstract class FriendRequestTests extends FriendTest {

    @Test
    void requestListAcceptBeFriendsAndRemove() {
        long a = internalId(alice);
        long b = internalId(bob);
        assertThat(graph.areFriends(a, b)).isFalse();   // now cached: the accept below must evict it

        Response sent = friends.request(alice, bob.username());
        assertThat(sent.status()).isEqualTo(201);
        long requestId = sent.body().path("id").asLong();
        assertThat(sent.body().path("status").asString()).isEqualTo("PENDING");
        assertThat(sent.body().path("from").path("id").asString()).isEqualTo(alice.id());
        assertThat(sent.body().path("from").path("username").asString()).isEqualTo(alice.username());
        assertThat(sent.body().path("to").path("id").asString()).isEqualTo(bob.id());
        assertThat(sent.body().path("to").has("email")).isFalse();
        assertThat(sent.body().path("createdAt").isMissingNode()).isFalse();

        assertThat(FriendApi.requestIds(friends.incoming(bob))).containsExactly(requestId);
        assertThat(FriendApi.requestIds(friends.outgoing(alice))).containsExactly(requestId);
        assertThat(FriendApi.requestIds(friends.incoming(alice))).isEmpty();
        assertThat(FriendApi.requestIds(friends.outgoing(bob))).isEmpty();
        assertThat(friends.incoming(bob).body().path(0).path("from").path("username").asString())
                .isEqualTo(alice.username());

        Response accepted = friends.accept(bob, requestId);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(graph.areFriends(a, b)).isTrue();
        assertThat(graph.areFriends(b, a)).isTrue();
        assertThat(graph.friendsOf(a)).containsExactly(b);

        Response aliceFriends = friends.friends(alice);
        assertThat(aliceFriends.status()).isEqualTo(200);
        assertThat(aliceFriends.body().size()).isEqualTo(1);
        assertThat(aliceFriends.body().path(0).path("id").asString()).isEqualTo(bob.id());
        assertThat(aliceFriends.body().path(0).path("username").asString()).isEqualTo(bob.username());
        assertThat(aliceFriends.body().path(0).path("nickname").asString()).isEqualTo("Nick " + bob.username());
        assertThat(aliceFriends.body().path(0).path("online").asBoolean(true)).isFalse();
        assertThat(aliceFriends.body().path(0).path("since").isMissingNode()).isFalse();
        assertThat(friends.friendIds(bob)).containsExactly(alice.id());
        assertThat(FriendApi.requestIds(friends.incoming(bob))).isEmpty();
        assertThat(FriendApi.requestIds(friends.outgoing(alice))).isEmpty();

        assertThat(friends.unfriend(alice, bob.id()).status()).isEqualTo(204);
        assertThat(friends.friendIds(alice)).isEmpty();
        assertThat(friends.friendIds(bob)).isEmpty();
        assertThat(graph.areFriends(a, b)).isFalse();
        assertThat(graph.areFriends(b, a)).isFalse();

        Response again = friends.unfriend(alice, bob.id());
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.code()).isEqualTo("NOT_FRIENDS");

        // Old answered requests are history: asking again after a removal is a new request.
        assertThat(friends.requestOk(bob, alice)).isNotEqualTo(requestId);
    }

    @Test
    void rejectedRequestEndsAndTheSenderMayAskAgain() {
        long requestId = friends.requestOk(alice, bob);
        Response rejected = friends.reject(bob, requestId);
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.body().path("status").asString()).isEqualTo("REJECTED");
        assertThat(FriendApi.requestIds(friends.outgoing(alice))).isEmpty();
        assertThat(FriendApi.requestIds(friends.incoming(bob))).isEmpty();
        assertThat(friends.friendIds(alice)).isEmpty();

        assertThat(friends.accept(bob, requestId).code()).isEqualTo("REQUEST_NOT_PENDING");
        assertThat(friends.requestOk(alice, bob)).isNotEqualTo(requestId);
    }

    @Test
    void onlyTheSenderCancels() {
        long requestId = friends.requestOk(alice, bob);
        Response byRecipient = friends.cancel(bob, requestId);
        assertThat(byRecipient.status()).isEqualTo(404);
        assertThat(byRecipient.code()).isEqualTo("FRIEND_REQUEST_NOT_FOUND");

        assertThat(friends.cancel(alice, requestId).status()).isEqualTo(204);
        assertThat(FriendApi.requestIds(friends.incoming(bob))).isEmpty();
        assertThat(FriendApi.requestIds(friends.outgoing(alice))).isEmpty();

        Response acceptCancelled = friends.accept(bob, requestId);
        assertThat(acceptCancelled.status()).isEqualTo(409);
        assertThat(acceptCancelled.code()).isEqualTo("REQUEST_NOT_PENDING");
        assertThat(friends.cancel(alice, requestId).code()).isEqualTo("REQUEST_NOT_PENDING");
    }

    @Test
    void askingSomeoneWhoAskedYouAcceptsTheirRequest() {
        long theirs = friends.requestOk(alice, bob);
        Response back = friends.request(bob, alice.username());
        assertThat(back.status()).isEqualTo(201);
        assertThat(back.body().path("id").asLong()).isEqualTo(theirs);
        assertThat(back.body().path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(back.body().path("from").path("id").asString()).isEqualTo(alice.id());
        assertThat(friends.friendIds(alice)).containsExactly(bob.id());
        assertThat(friends.friendIds(bob)).containsExactly(alice.id());
        assertThat(graph.areFriends(internalId(alice), internalId(bob))).isTrue();
        assertThat(FriendApi.requestIds(friends.incoming(bob))).isEmpty();
    }

    @Test
    void nobodyButTheRecipientAnswersAndOthersCannotTellTheRequestExists() {
        Account carol = api.signUp(ApiClient.uniqueName("carol"));
        long requestId = friends.requestOk(alice, bob);
        Response unknown = friends.accept(carol, Long.MAX_VALUE);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("FRIEND_REQUEST_NOT_FOUND");

        for (Response refused : new Response[] {friends.accept(carol, requestId), friends.reject(carol, requestId),
                friends.cancel(carol, requestId), friends.accept(alice, requestId), friends.reject(alice, requestId)}) {
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.body()).isEqualTo(unknown.body());
        }
        assertThat(FriendApi.requestIds(friends.incoming(bob))).containsExactly(requestId);
        assertThat(FriendApi.requestIds(friends.incoming(carol))).isEmpty();
    }

    @Test
    void acceptingTwiceIsAConflict() {
        long requestId = friends.requestOk(alice, bob);
        assertThat(friends.accept(bob, requestId).status()).isEqualTo(200);
        Response twice = friends.accept(bob, requestId);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("REQUEST_NOT_PENDING");
        assertThat(friends.reject(bob, requestId).code()).isEqualTo("REQUEST_NOT_PENDING");
        assertThat(friends.friendIds(bob)).containsExactly(alice.id());
    }

    @Test
    void aSecondRequestWhilePendingIsAConflict() {
        long first = friends.requestOk(alice, bob);
        Response duplicate = friends.request(alice, bob.username());
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("REQUEST_ALREADY_PENDING");
        assertThat(FriendApi.requestIds(friends.incoming(bob))).containsExactly(first);
    }

    @Test
    void friendsCannotAskAgain() {
        friends.befriend(alice, bob);
        for (Response again : new Response[] {friends.request(alice, bob.username()),
                friends.request(bob, alice.username())}) {
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.code()).isEqualTo("ALREADY_FRIENDS");
        }
    }

    @Test
    void youCannotBefriendYourself() {
        Response self = friends.request(alice, alice.username());
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.code()).isEqualTo("CANNOT_BEFRIEND_SELF");
        assertThat(FriendApi.requestIds(friends.incoming(alice))).isEmpty();

        Response unfriendSelf = friends.unfriend(alice, alice.id());
        assertThat(unfriendSelf.status()).isEqualTo(404);
        assertThat(unfriendSelf.code()).isEqualTo("NOT_FRIENDS");
    }

    @Test
    void unknownUsersAreNotFound() {
        Response byName = friends.request(alice, ApiClient.uniqueName("nobody"));
        assertThat(byName.status()).isEqualTo(404);
        assertThat(byName.code()).isEqualTo("USER_NOT_FOUND");

        Response byId = friends.unfriend(alice, "00000000-0000-4000-8000-000000000000");
        assertThat(byId.status()).isEqualTo(404);
        assertThat(byId.code()).isEqualTo("USER_NOT_FOUND");
    }

    @Test
    void everyEndpointNeedsAToken() {
        long requestId = friends.requestOk(alice, bob);
        Response[] anonymous = {
                api.post("/api/v1/friend-requests", null, Map.of("username", bob.username())),
                api.get("/api/v1/friend-requests?direction=incoming", null),
                api.post("/api/v1/friend-requests/" + requestId + "/accept", null, null),
                api.post("/api/v1/friend-requests/" + requestId + "/reject", null, null),
                api.delete("/api/v1/friend-requests/" + requestId, null),
                api.get("/api/v1/friends", null),
                api.delete("/api/v1/friends/" + bob.id(), null)};
        for (Response response : anonymous) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.code()).isEqualTo("UNAUTHENTICATED");
        }
        assertThat(FriendApi.requestIds(friends.incoming(bob))).containsExactly(requestId);
    }

    @Test
    void malformedAndOversizedInputIsRefusedWithAClearCode() {
        String token = alice.accessToken();
        assertRefused(api.post("/api/v1/friend-requests", token, "{not json"), 400, "MALFORMED_REQUEST");
        assertRefused(api.post("/api/v1/friend-requests", token, "[\"" + bob.username() + "\"]"), 400,
                "MALFORMED_REQUEST");
        assertRefused(api.post("/api/v1/friend-requests", token, Map.of()), 400, "VALIDATION_FAILED");
        assertRefused(api.post("/api/v1/friend-requests", token, Map.of("username", " ")), 400, "VALIDATION_FAILED");
        Response oversized = api.post("/api/v1/friend-requests", token, Map.of("username", "x".repeat(100_000)));
        assertRefused(oversized, 400, "VALIDATION_FAILED");
        assertThat(oversized.body().path("fields").findValuesAsString("field")).containsExactly("username");
        assertRefused(api.send(api.request("/api/v1/friend-requests", token)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(bob.username()))), 415, "UNSUPPORTED_MEDIA_TYPE");

        assertRefused(api.get("/api/v1/friend-requests?direction=sideways", token), 400, "VALIDATION_FAILED");
        assertRefused(api.get("/api/v1/friend-requests", token), 400, "MALFORMED_REQUEST");

        assertRefused(friendRequestPost("abc/accept", token), 400, "MALFORMED_REQUEST");
        assertRefused(friendRequestPost("99999999999999999999999/reject", token), 400, "MALFORMED_REQUEST");
        assertRefused(api.delete("/api/v1/friend-requests/1.5", token), 400, "MALFORMED_REQUEST");
        assertRefused(friendRequestPost("-1/accept", token), 404, "FRIEND_REQUEST_NOT_FOUND");
        assertRefused(friends.unfriend(alice, "not-a-uuid"), 400, "MALFORMED_REQUEST");

        assertThat(FriendApi.requestIds(friends.incoming(bob))).isEmpty();
        assertThat(FriendApi.requestIds(friends.outgoing(alice))).isEmpty();
    }

    @Test
    void theOpenApiDocumentExplainsTheRefusals() {
        Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        var paths = docs.body().path("paths");
        assertThat(paths.path("/api/v1/friend-requests").path("post").path("description").asString())
                .contains("USER_NOT_FOUND", "CANNOT_BEFRIEND_SELF", "ALREADY_FRIENDS", "REQUEST_ALREADY_PENDING",
                        "BLOCKED", "ACCEPTED");
        assertThat(paths.path("/api/v1/friend-requests/{id}/accept").path("post").path("description").asString())
                .contains("FRIEND_REQUEST_NOT_FOUND", "REQUEST_NOT_PENDING");
        assertThat(paths.path("/api/v1/friends/{userId}").path("delete").path("description").asString())
                .contains("NOT_FRIENDS", "MALFORMED_REQUEST");
        assertThat(paths.path("/api/v1/blocks/{userId}").path("put").path("description").asString())
                .contains("CANNOT_BLOCK_SELF");
        assertThat(paths.path("/api/v1/friend-requests").path("get").path("parameters").findValuesAsString("name"))
                .as("the caller comes from the token, never from a parameter").containsExactly("direction");
        assertThat(paths.path("/api/v1/friends").path("get").path("parameters").findValuesAsString("name")).isEmpty();
        assertThat(paths.path("/api/v1/blocks/{userId}").path("put").path("parameters").findValuesAsString("name"))
                .containsExactly("userId");
    }

    private Response friendRequestPost(String path, String token) {
        return api.post("/api/v1/friend-requests/" + path, token, null);
    }

    static void assertRefused(Response response, int status, String code) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
    }

    @OnH2
    static class OnH2Test extends FriendRequestTests {
    }

    @OnMariaDb
    static class OnMariaDbTest extends FriendRequestTests {
    }
}
