package io.parley.server.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.server.group.GroupSnapshot.Member;
import io.parley.server.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may speak in a group, by membership, dissolution, their own mute and the group's, as time passes. */
class GroupSnapshotTest {

    private static final long OWNER = 1;
    private static final long ADMIN = 2;
    private static final long MEMBER = 3;
    private static final long MUTED_MEMBER = 4;
    private static final long MUTED_ADMIN = 5;
    private static final long FOREVER_MUTED = 6;
    private static final long STRANGER = 99;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
    private final Instant inTenMinutes = clock.instant().plus(Duration.ofMinutes(10));

    private Map<Long, Member> members() {
        Map<Long, Member> members = new HashMap<>();
        members.put(OWNER, new Member(OWNER, GroupRole.OWNER, null));
        members.put(ADMIN, new Member(ADMIN, GroupRole.ADMIN, null));
        members.put(MEMBER, new Member(MEMBER, GroupRole.MEMBER, clock.instant().minusSeconds(1)));   // over
        members.put(MUTED_MEMBER, new Member(MUTED_MEMBER, GroupRole.MEMBER, inTenMinutes));
        members.put(MUTED_ADMIN, new Member(MUTED_ADMIN, GroupRole.ADMIN, inTenMinutes));
        members.put(FOREVER_MUTED, new Member(FOREVER_MUTED, GroupRole.MEMBER, Member.UNTIL_UNMUTED));
        return members;
    }

    private GroupSnapshot snapshot(boolean dissolved, boolean allMuted) {
        return new GroupSnapshot(7, "c0ffee00-0000-4000-8000-000000000000", "Team", null, "", dissolved, allMuted,
                members());
    }

    @Test
    void membersSpeakUnlessTheirOwnMuteIsRunning() {
        GroupSnapshot group = snapshot(false, false);

        assertThat(group.whyCannotSpeak(STRANGER, clock.instant())).contains("NOT_A_MEMBER");
        assertThat(group.whyCannotSpeak(OWNER, clock.instant())).isEmpty();
        assertThat(group.whyCannotSpeak(MEMBER, clock.instant())).as("a mute that is over").isEmpty();
        assertThat(group.whyCannotSpeak(MUTED_MEMBER, clock.instant())).contains("MEMBER_MUTED");
        assertThat(group.whyCannotSpeak(MUTED_ADMIN, clock.instant())).as("admins too").contains("MEMBER_MUTED");
        assertThat(group.whyCannotSpeak(FOREVER_MUTED, clock.instant())).contains("MEMBER_MUTED");

        clock.advance(Duration.ofMinutes(10));
        assertThat(group.whyCannotSpeak(MUTED_MEMBER, clock.instant())).as("ends on time").isEmpty();
        assertThat(group.whyCannotSpeak(MUTED_ADMIN, clock.instant())).isEmpty();
        clock.advance(Duration.ofDays(36_500));
        assertThat(group.whyCannotSpeak(FOREVER_MUTED, clock.instant())).contains("MEMBER_MUTED");
    }

    @Test
    void inAMutedGroupOnlyTheOwnerAndUnmutedAdminsSpeak() {
        GroupSnapshot group = snapshot(false, true);

        assertThat(group.whyCannotSpeak(OWNER, clock.instant())).isEmpty();
        assertThat(group.whyCannotSpeak(ADMIN, clock.instant())).isEmpty();
        assertThat(group.whyCannotSpeak(MEMBER, clock.instant())).contains("GROUP_MUTED");
        assertThat(group.whyCannotSpeak(MUTED_MEMBER, clock.instant())).contains("MEMBER_MUTED");
        assertThat(group.whyCannotSpeak(MUTED_ADMIN, clock.instant())).contains("MEMBER_MUTED");
        assertThat(group.whyCannotSpeak(STRANGER, clock.instant())).contains("NOT_A_MEMBER");
    }

    @Test
    void nobodySpeaksInADissolvedGroup() {
        GroupSnapshot group = snapshot(true, true);

        assertThat(group.whyCannotSpeak(OWNER, clock.instant())).contains("GROUP_DISSOLVED");
        assertThat(group.whyCannotSpeak(MUTED_MEMBER, clock.instant())).contains("GROUP_DISSOLVED");
        assertThat(group.whyCannotSpeak(STRANGER, clock.instant())).contains("NOT_A_MEMBER");
    }

    @Test
    void membersAreImmutableAndTheirIdsReadyForFanOut() {
        Map<Long, Member> source = members();
        GroupSnapshot group = new GroupSnapshot(7, "u", "n", null, "", false, false, source);
        source.clear();

        assertThat(group.memberCount()).isEqualTo(6);
        assertThat(group.memberIds()).containsExactlyInAnyOrder(OWNER, ADMIN, MEMBER, MUTED_MEMBER, MUTED_ADMIN,
                FOREVER_MUTED);
        assertThat(group.memberIds()).isSameAs(group.memberIds());
        assertThat(group.isMember(ADMIN)).isTrue();
        assertThat(group.isMember(STRANGER)).isFalse();
        assertThat(group.members().get(ADMIN).mayModerate()).isTrue();
        assertThat(group.members().get(OWNER).mayModerate()).isTrue();
        assertThat(group.members().get(MEMBER).mayModerate()).isFalse();
        assertThatThrownBy(() -> group.members().remove(OWNER)).isInstanceOf(UnsupportedOperationException.class);
    }
}
