package io.parley.server.friend;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.server.support.ApiClient;
import io.parley.server.support.FriendApi;
import io.parley.server.support.ApiClient.Account;
import io.parley.server.support.ApiClient.Response;
import io.parley.server.support.OnH2;
import io.parley.server.support.OnMariaDb;
import io.parley.server.support.ServerTest;
import io.parley.server.user.UserRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Changes to the same pair of users arriving at the same moment: whatever the interleaving, the outcome is
 * one of the serial ones, and the in-memory graph agrees with the database.
 */
abstract class FriendRaceTests extends ServerTest {

    private static final int ROUNDS = 5;

    @Autowired
    FriendGraph graph;

    @Autowired
    UserRepository users;

    FriendApi friends;
    ExecutorService pool;

    @BeforeEach
    void setUp() {
        friends = new FriendApi(api);
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void simultaneousDuplicateRequestsLeaveOnePending() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Account alice = signUp("alice");
            Account bob = signUp("bob");
            List<Response> responses = all(8, () -> friends.request(alice, bob.username()));
            assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
            assertThat(responses).filteredOn(r -> r.status() == 409)
                    .allSatisfy(r -> assertThat(r.code()).isEqualTo("REQUEST_ALREADY_PENDING")).hasSize(7);
            assertThat(FriendApi.requestIds(friends.incoming(bob))).hasSize(1);
        }
    }

    @Test
    void requestsCrossingEachOtherMakeFriends() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Account alice = signUp("alice");
            Account bob = signUp("bob");
            long a = internalId(alice);
            long b = internalId(bob);
            assertThat(graph.areFriends(a, b)).isFalse();
            List<Response> responses = all(2, () -> friends.request(alice, bob.username()),
                    () -> friends.request(bob, alice.username()));
            assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(201));
            assertThat(responses).extracting(r -> r.body().path("status").asString())
                    .containsExactlyInAnyOrder("PENDING", "ACCEPTED");
            assertThat(friends.friendIds(alice)).containsExactly(bob.id());
            assertThat(FriendApi.requestIds(friends.incoming(alice))).isEmpty();
            assertThat(FriendApi.requestIds(friends.incoming(bob))).isEmpty();
            assertThat(graph.areFriends(a, b)).isTrue();
            assertThat(graph.areFriends(b, a)).isTrue();
        }
    }

    @Test
    void acceptRacingCancelHasOneWinner() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Account alice = signUp("alice");
            Account bob = signUp("bob");
            long a = internalId(alice);
            long b = internalId(bob);
            long requestId = friends.requestOk(alice, bob);
            assertThat(graph.areFriends(a, b)).isFalse();
            List<Response> responses = all(2, () -> friends.accept(bob, requestId),
                    () -> friends.cancel(alice, requestId));
            Response accept = responses.get(0);
            Response cancel = responses.get(1);
            boolean accepted = accept.status() == 200;
            assertThat(cancel.status()).isEqualTo(accepted ? 409 : 204);
            assertThat((accepted ? cancel : accept).code()).isEqualTo("REQUEST_NOT_PENDING");
            assertThat(friends.friendIds(alice)).hasSize(accepted ? 1 : 0);
            assertThat(graph.areFriends(a, b)).isEqualTo(accepted);
        }
    }

    @Test
    void blockRacingAcceptLeavesNoFriendship() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Account alice = signUp("alice");
            Account bob = signUp("bob");
            long a = internalId(alice);
            long b = internalId(bob);
            long requestId = friends.requestOk(alice, bob);
            assertThat(graph.mayMessage(a, b)).isFalse();
            List<Response> responses = all(2, () -> friends.accept(bob, requestId),
                    () -> friends.block(alice, bob.id()));
            assertThat(responses.get(1).status()).isEqualTo(204);
            assertThat(responses.get(0).status()).isIn(200, 409);
            assertThat(friends.friendIds(alice)).isEmpty();
            assertThat(friends.friendIds(bob)).isEmpty();
            assertThat(graph.areFriends(a, b)).isFalse();
            assertThat(graph.areFriends(b, a)).isFalse();
            assertThat(graph.isBlockedEitherWay(b, a)).isTrue();
        }
    }

    private Account signUp(String prefix) {
        return api.signUp(ApiClient.uniqueName(prefix));
    }

    private long internalId(Account account) {
        return users.findByUuid(account.id()).orElseThrow().getId();
    }

    /** Runs the calls together from a common start, {@code copies} times over in total, answers in call order. */
    @SafeVarargs
    private List<Response> all(int copies, Callable<Response>... calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            Callable<Response> call = calls[i % calls.length];
            futures.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> future : futures) {
            responses.add(future.get(60, TimeUnit.SECONDS));
        }
        return responses;
    }

    @OnH2
    static class OnH2Test extends FriendRaceTests {
    }

    @OnMariaDb
    static class OnMariaDbTest extends FriendRaceTests {
    }
}
