package io.parley.server.support;

import io.parley.server.support.ApiClient.Account;
import io.parley.server.support.ApiClient.Response;
import java.util.List;
import java.util.Map;

/** The friend endpoints as a client calls them. */
public record FriendApi(ApiClient api) {

    public Response request(Account from, String username) {
        return api.post("/api/v1/friend-requests", from.accessToken(), Map.of("username", username));
    }

    /** Sends a request that must succeed and returns its id. */
    public long requestOk(Account from, Account to) {
        Response sent = request(from, to.username());
        if (sent.status() != 201) {
            throw new AssertionError("friend request failed: " + sent.status() + " " + sent.body());
        }
        return sent.body().path("id").asLong();
    }

    public Response accept(Account who, long requestId) {
        return api.post("/api/v1/friend-requests/" + requestId + "/accept", who.accessToken(), null);
    }

    public Response reject(Account who, long requestId) {
        return api.post("/api/v1/friend-requests/" + requestId + "/reject", who.accessToken(), null);
    }

    public Response cancel(Account who, long requestId) {
        return api.delete("/api/v1/friend-requests/" + requestId, who.accessToken());
    }

    /** Makes the two friends: a request and its acceptance. */
    public void befriend(Account a, Account b) {
        Response accepted = accept(b, requestOk(a, b));
        if (accepted.status() != 200) {
            throw new AssertionError("accept failed: " + accepted.status() + " " + accepted.body());
        }
    }

    public Response incoming(Account who) {
        return api.get("/api/v1/friend-requests?direction=incoming", who.accessToken());
    }

    public Response outgoing(Account who) {
        return api.get("/api/v1/friend-requests?direction=outgoing", who.accessToken());
    }

    /** Ids of the pending requests in a list answer. */
    public static List<Long> requestIds(Response list) {
        return list.body().valueStream().map(r -> r.path("id").asLong()).toList();
    }

    public Response friends(Account who) {
        return api.get("/api/v1/friends", who.accessToken());
    }

    /** Public ids of the caller's friends. */
    public List<String> friendIds(Account who) {
        return friends(who).body().valueStream().map(f -> f.path("id").asString()).toList();
    }

    public Response unfriend(Account who, String userId) {
        return api.delete("/api/v1/friends/" + userId, who.accessToken());
    }

    public Response block(Account who, String userId) {
        return api.put("/api/v1/blocks/" + userId, who.accessToken(), null);
    }

    public Response unblock(Account who, String userId) {
        return api.delete("/api/v1/blocks/" + userId, who.accessToken());
    }

    public Response blocks(Account who) {
        return api.get("/api/v1/blocks", who.accessToken());
    }
}
