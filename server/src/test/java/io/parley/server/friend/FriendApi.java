package io.parley.server.friend;

import io.parley.server.support.ApiClient;
import io.parley.server.support.ApiClient.Account;
import io.parley.server.support.ApiClient.Response;
import java.util.List;
import java.util.Map;

/** The friend endpoints as a client calls them, for the tests of this package. */
record FriendApi(ApiClient api) {

    Response request(Account from, String username) {
        return api.post("/api/v1/friend-requests", from.accessToken(), Map.of("username", username));
    }

    /** Sends a request that must succeed and returns its id. */
    long requestOk(Account from, Account to) {
        Response sent = request(from, to.username());
        if (sent.status() != 201) {
            throw new AssertionError("friend request failed: " + sent.status() + " " + sent.body());
        }
        return sent.body().path("id").asLong();
    }

    Response accept(Account who, long requestId) {
        return api.post("/api/v1/friend-requests/" + requestId + "/accept", who.accessToken(), null);
    }

    Response reject(Account who, long requestId) {
        return api.post("/api/v1/friend-requests/" + requestId + "/reject", who.accessToken(), null);
    }

    Response cancel(Account who, long requestId) {
        return api.delete("/api/v1/friend-requests/" + requestId, who.accessToken());
    }

    /** Makes the two friends: a request and its acceptance. */
    void befriend(Account a, Account b) {
        Response accepted = accept(b, requestOk(a, b));
        if (accepted.status() != 200) {
            throw new AssertionError("accept failed: " + accepted.status() + " " + accepted.body());
        }
    }

    Response incoming(Account who) {
        return api.get("/api/v1/friend-requests?direction=incoming", who.accessToken());
    }

    Response outgoing(Account who) {
        return api.get("/api/v1/friend-requests?direction=outgoing", who.accessToken());
    }

    /** Ids of the pending requests in a list answer. */
    static List<Long> requestIds(Response list) {
        return list.body().valueStream().map(r -> r.path("id").asLong()).toList();
    }

    Response friends(Account who) {
        return api.get("/api/v1/friends", who.accessToken());
    }

    /** Public ids of the caller's friends. */
    List<String> friendIds(Account who) {
        return friends(who).body().valueStream().map(f -> f.path("id").asString()).toList();
    }

    Response unfriend(Account who, String userId) {
        return api.delete("/api/v1/friends/" + userId, who.accessToken());
    }

    Response block(Account who, String userId) {
        return api.put("/api/v1/blocks/" + userId, who.accessToken(), null);
    }

    Response unblock(Account who, String userId) {
        return api.delete("/api/v1/blocks/" + userId, who.accessToken());
    }

    Response blocks(Account who) {
        return api.get("/api/v1/blocks", who.accessToken());
    }
}
