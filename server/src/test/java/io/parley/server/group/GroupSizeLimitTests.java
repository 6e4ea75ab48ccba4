package io.parley.server.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.server.support.ApiClient.Account;
import io.parley.server.support.ApiClient.Response;
import io.parley.server.support.GroupApi;
import io.parley.server.support.OnH2;
import io.parley.server.support.OnMariaDb;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** parley.groups.max-members holds on every way in, also when joins race for the last places. */
@TestPropertySource(properties = "parley.groups.max-members=3")
abstract class GroupSizeLimitTests extends GroupTest {

    @Test
    void creationCannotStartOverTheLimit() {
        Account a = friendOfOwner("a");
        Account b = friendOfOwner("b");
        Account c = friendOfOwner("c");

        assertRefused(groups.create(owner, "big", "OPEN", a, b, c), 409, "GROUP_FULL");
        assertThat(groups.mine(owner).body().size()).isZero();
        assertThat(groups.create(owner, "full", "OPEN", a, b).status()).isEqualTo(201);
    }

    @Test
    void aFullGroupTakesNobodyInWhicheverWayTheyCome() {
        Account member = friendOfOwner("member");
        Account asker = signUp("asker");
        Account invitee = friendOfOwner("invitee");
        String id = groups.createOk(owner, "APPROVAL", member);
        long request = groups.join(asker, id).body().path("request").path("id").asLong();
        long invitation = groups.inviteOk(owner, id, invitee);
        Account third = friendOfOwner("third");
        assertThat(groups.acceptInvitation(invitee, invitation).status()).isEqualTo(200);   // 3 of 3

        assertRefused(groups.approve(owner, id, request), 409, "GROUP_FULL");
        assertThat(groups.requests(owner, id).body().size()).as("the request stays pending").isEqualTo(1);
        assertRefused(groups.acceptInvitation(third, groups.inviteOk(owner, id, third)), 409, "GROUP_FULL");
        String open = groups.createOk(owner, "OPEN", member, invitee);
        assertRefused(groups.join(asker, open), 409, "GROUP_FULL");

        assertThat(groups.leave(member, id).status()).isEqualTo(204);
        assertThat(groups.approve(owner, id, request).status()).isEqualTo(200);
        assertThat(GroupApi.memberIds(groups.members(owner, id))).hasSize(3);
    }

    @Test
    void racingJoinsNeverOvershootTheLimit() throws Exception {
        List<Account> walkIns = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            walkIns.add(signUp("walkin"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(walkIns.size());
        try {
            for (int round = 0; round < 3; round++) {
                String id = groups.createOk(owner, "OPEN");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Response>> joins = new ArrayList<>();
                for (Account walkIn : walkIns) {
                    joins.add(pool.submit(() -> {
                        start.await();
                        return groups.join(walkIn, id);
                    }));
                }
                start.countDown();
                List<Response> answers = new ArrayList<>();
                for (Future<Response> join : joins) {
                    answers.add(join.get(60, TimeUnit.SECONDS));
                }
                assertThat(answers).filteredOn(r -> r.status() == 200).hasSize(2);
                assertThat(answers).filteredOn(r -> r.status() != 200)
                        .allSatisfy(r -> assertThat(r.code()).isEqualTo("GROUP_FULL"));
                assertThat(GroupApi.memberIds(groups.members(owner, id))).hasSize(3);
                assertThat(conversationMembers(id)).hasSize(3);
                assertThat(membership.snapshot(id).orElseThrow().memberIds()).hasSize(3);
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @OnH2
    static class OnH2Test extends GroupSizeLimitTests {
    }

    @OnMariaDb
    static class OnMariaDbTest extends GroupSizeLimitTests {
    }
}
