package io.parley.server.friend;

import static io.parley.server.friend.FriendRequestTests.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.parley.server.support.ApiClient;
import io.parley.server.support.FriendApi;
import io.parley.server.support.ApiClient.Account;
import io.parley.server.support.ApiClient.Response;
import io.parley.server.support.OnH2;
import io.parley.server.support.OnMariaDb;
import org.junit.jupiter.api.Test;

/** Blocking and unblocking over real HTTP, and what a block does to friendships and requests. */
abstract class BlockTests extends FriendTest {

    @Test
    void blockingEndsTheFriendshipAndUnblockingDoesNotRestoreIt() {
        long a = internalId(alice);
        long b = internalId(bob);
        friends.befriend(alice, bob);
        assertThat(graph.mayMessage(a, b)).isTrue();   // cached now: the block must evict it

        assertThat(friends.block(alice, bob.id()).status()).isEqualTo(204);
        assertThat(friends.friendIds(alice)).isEmpty();
        assertThat(friends.friendIds(bob)).isEmpty();
        assertThat(graph.areFriends(a, b)).isFalse();
        assertThat(graph.isBlockedEitherWay(a, b)).isTrue();
        assertThat(graph.isBlockedEitherWay(b, a)).isTrue();
        assertThat(graph.mayMessage(a, b)).isFalse();
        assertThat(graph.mayMessage(b, a)).isFalse();

        Response blocked = friends.blocks(alice);
        assertThat(blocked.status()).isEqualTo(200);
        assertThat(blocked.body().size()).isEqualTo(1);
        assertThat(blocked.body().path(0).path("id").asString()).isEqualTo(bob.id());
        assertThat(blocked.body().path(0).path("username").asString()).isEqualTo(bob.username());
        assertThat(blocked.body().path(0).has("email")).isFalse();
        assertThat(friends.blocks(bob).body().size()).isZero();

        assertThat(friends.unblock(alice, bob.id()).status()).isEqualTo(204);
        assertThat(friends.blocks(alice).body().size()).isZero();
        assertThat(graph.isBlockedEitherWay(a, b)).isFalse();
        assertThat(graph.areFriends(a, b)).isFalse();
        assertThat(friends.friendIds(alice)).isEmpty();
        friends.befriend(bob, alice);
        assertThat(graph.mayMessage(a, b)).isTrue();
    }

    @Test
    void blockingWithdrawsPendingRequestsBothWays() {
        Account carol = api.signUp(ApiClient.uniqueName("carol"));
        long toBob = friends.requestOk(alice, bob);
        long toCarol = friends.requestOk(carol, alice);

        assertThat(friends.block(bob, alice.id()).status()).isEqualTo(204);
        assertThat(friends.block(alice, carol.id()).status()).isEqualTo(204);

        assertThat(FriendApi.requestIds(friends.incoming(bob))).isEmpty();
        assertThat(FriendApi.requestIds(friends.outgoing(alice))).isEmpty();
        assertThat(FriendApi.requestIds(friends.incoming(alice))).isEmpty();
        assertThat(FriendApi.requestIds(friends.outgoing(carol))).isEmpty();
        assertRefused(friends.accept(bob, toBob), 409, "REQUEST_NOT_PENDING");
        assertRefused(friends.accept(alice, toCarol), 409, "REQUEST_NOT_PENDING");
    }

    @Test
    void nobodyCanAskAcrossABlockAndBothSidesHearTheSame() {
        assertThat(friends.block(bob, alice.id()).status()).isEqualTo(204);

        Response toWhoBlockedMe = friends.request(alice, bob.username());
        assertRefused(toWhoBlockedMe, 403, "BLOCKED");
        Response toWhomIBlocked = friends.request(bob, alice.username());
        assertRefused(toWhomIBlocked, 403, "BLOCKED");
        assertThat(toWhoBlockedMe.body()).isEqualTo(toWhomIBlocked.body());

        assertThat(FriendApi.requestIds(friends.incoming(bob))).isEmpty();
        assertThat(FriendApi.requestIds(friends.incoming(alice))).isEmpty();
    }

    @Test
    void blockAndUnblockAreIdempotent() {
        assertThat(friends.block(alice, bob.id()).status()).isEqualTo(204);
        assertThat(friends.block(alice, bob.id()).status()).isEqualTo(204);
        assertThat(friends.blocks(alice).body().size()).isEqualTo(1);
        assertThat(friends.block(bob, alice.id()).status()).isEqualTo(204);   // both may block each other

        assertThat(friends.unblock(alice, bob.id()).status()).isEqualTo(204);
        assertThat(friends.unblock(alice, bob.id()).status()).isEqualTo(204);
        assertThat(friends.blocks(alice).body().size()).isZero();
        assertRefused(friends.request(alice, bob.username()), 403, "BLOCKED");   // bob's block still stands

        assertThat(friends.unblock(bob, alice.id()).status()).isEqualTo(204);
        assertThat(friends.request(alice, bob.username()).status()).isEqualTo(201);
    }

    @Test
    void badTargetsAreRefused() {
        assertRefused(friends.block(alice, alice.id()), 400, "CANNOT_BLOCK_SELF");
        assertThat(friends.blocks(alice).body().size()).isZero();
        assertRefused(friends.block(alice, "00000000-0000-4000-8000-000000000000"), 404, "USER_NOT_FOUND");
        assertRefused(friends.unblock(alice, "00000000-0000-4000-8000-000000000000"), 404, "USER_NOT_FOUND");
        assertRefused(friends.block(alice, "not-a-uuid"), 400, "MALFORMED_REQUEST");
        assertRefused(friends.unblock(alice, "x".repeat(2000)), 400, "MALFORMED_REQUEST");
    }

    @Test
    void blocksNeedAToken() {
        for (Response response : new Response[] {api.get("/api/v1/blocks", null),
                api.put("/api/v1/blocks/" + bob.id(), null, null), api.delete("/api/v1/blocks/" + bob.id(), null)}) {
            assertRefused(response, 401, "UNAUTHENTICATED");
        }
        assertThat(friends.blocks(alice).body().size()).isZero();
    }

    @OnH2
    static class OnH2Test extends BlockTests {
    }

    @OnMariaDb
    static class OnMariaDbTest extends BlockTests {
    }
}
