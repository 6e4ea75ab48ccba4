package io.parley.server.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.server.support.ApiClient.Account;
import io.parley.server.support.OnH2;
import io.parley.server.support.OnMariaDb;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * GroupMembership in the running server: a snapshot stays in memory until a change to its group commits, and
 * every change made over REST is in the snapshot by the time the answer arrives.
 */
abstract class GroupMembershipCacheTests extends GroupTest {

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void aSnapshotIsReplacedOnlyOnceAChangeCommits() {
        String id = groups.createOk(owner, "OPEN");
        GroupSnapshot cached = membership.snapshot(id).orElseThrow();
        assertThat(membership.snapshot(id)).containsSame(cached);

        transactions.executeWithoutResult(status -> {
            events.publishEvent(GroupChanged.settingsOrRoles(id));
            assertThat(membership.snapshot(id)).as("not before the commit").containsSame(cached);
            status.setRollbackOnly();
        });
        assertThat(membership.snapshot(id)).as("a rolled back change changes nothing").containsSame(cached);

        transactions.executeWithoutResult(status -> {
            events.publishEvent(GroupChanged.settingsOrRoles(id));
            assertThat(membership.snapshot(id)).containsSame(cached);
        });
        GroupSnapshot reloaded = membership.snapshot(id).orElseThrow();
        assertThat(reloaded).isNotSameAs(cached);
        assertThat(membership.snapshot(id)).containsSame(reloaded);
    }

    @Test
    void everyChangeIsInTheSnapshotWhenItsAnswerArrives() {
        Account member = friendOfOwner("member");
        Account walkIn = signUp("walkin");
        String id = groups.createOk(owner, "OPEN", member);
        long ownerId = internalId(owner);
        long memberId = internalId(member);
        long walkInId = internalId(walkIn);
        GroupSnapshot created = membership.snapshot(id).orElseThrow();
        assertThat(created.uuid()).isEqualTo(id);
        assertThat(created.memberIds()).containsExactlyInAnyOrder(ownerId, memberId);
        assertThat(created.members().get(ownerId).role()).isEqualTo(GroupRole.OWNER);
        assertThat(membership.groupIdsOf(memberId)).containsExactly(id);

        groups.joinOk(walkIn, id);
        assertThat(membership.snapshot(id).orElseThrow().isMember(walkInId)).isTrue();
        assertThat(membership.groupIdsOf(walkInId)).containsExactly(id);

        groups.change(owner, id, Map.of("name", "Renamed", "notice", "Hello"));
        assertThat(membership.snapshot(id).orElseThrow().name()).isEqualTo("Renamed");
        assertThat(membership.snapshot(id).orElseThrow().notice()).isEqualTo("Hello");

        groups.promote(owner, id, member);
        assertThat(membership.snapshot(id).orElseThrow().members().get(memberId).mayModerate()).isTrue();

        groups.muteAll(member, id);
        GroupSnapshot muted = membership.snapshot(id).orElseThrow();
        assertThat(muted.allMuted()).isTrue();
        assertThat(muted.whyCannotSpeak(walkInId, Instant.now())).contains("GROUP_MUTED");
        assertThat(muted.whyCannotSpeak(memberId, Instant.now())).isEmpty();

        groups.mute(owner, id, member, null);
        assertThat(membership.snapshot(id).orElseThrow().whyCannotSpeak(memberId, Instant.now())).contains("MEMBER_MUTED");
        groups.unmute(owner, id, member);
        assertThat(membership.snapshot(id).orElseThrow().whyCannotSpeak(memberId, Instant.now())).isEmpty();

        groups.kick(member, id, walkIn);
        assertThat(membership.snapshot(id).orElseThrow().whyCannotSpeak(walkInId, Instant.now())).contains("NOT_A_MEMBER");
        assertThat(membership.groupIdsOf(walkInId)).isEmpty();

        groups.transfer(owner, id, member);
        assertThat(membership.snapshot(id).orElseThrow().members().get(memberId).role()).isEqualTo(GroupRole.OWNER);
        assertThat(membership.snapshot(id).orElseThrow().members().get(ownerId).role()).isEqualTo(GroupRole.ADMIN);

        groups.dissolve(member, id);
        assertThat(membership.snapshot(id).orElseThrow().dissolved()).isTrue();
        assertThat(membership.groupIdsOf(ownerId)).as("history stays readable").containsExactly(id);
    }

    @OnH2
    static class OnH2Test extends GroupMembershipCacheTests {
    }

    @OnMariaDb
    static class OnMariaDbTest extends GroupMembershipCacheTests {
    }
}
