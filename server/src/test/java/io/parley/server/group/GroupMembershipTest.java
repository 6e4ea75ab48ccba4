package io.parley.server.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The in-memory groups: loaded once, served from memory, forgotten on a change. */
class GroupMembershipTest {

    private static final String GROUP = "0b6c2f7a-1d9e-4c1b-9a51-3f7e2b8d4c10";
    private static final long ALICE = 1;
    private static final long BOB = 2;

    private final GroupSnapshotLoader loader = mock(GroupSnapshotLoader.class);
    private final GroupMembership membership = new GroupMembership(loader, new GroupProperties(2000, 100));

    private static GroupSnapshot withMembers(long... userIds) {
        Map<Long, GroupSnapshot.Member> members = new HashMap<>();
        for (long id : userIds) {
            members.put(id, new GroupSnapshot.Member(id, id == ALICE ? GroupRole.OWNER : GroupRole.MEMBER, null));
        }
        return new GroupSnapshot(1, GROUP, "g", null, "", false, false, members);
    }

    @Test
    void aGroupIsLoadedOnceAndServedFromMemoryUntilItChanges() {
        when(loader.load(GROUP)).thenReturn(withMembers(ALICE), withMembers(ALICE, BOB));

        GroupSnapshot first = membership.snapshot(GROUP).orElseThrow();
        assertThat(membership.snapshot(GROUP)).containsSame(first);
        assertThat(membership.snapshot(GROUP.toUpperCase())).as("the same id in capitals").containsSame(first);
        verify(loader, times(1)).load(GROUP);
        assertThat(first.isMember(BOB)).isFalse();

        membership.onGroupChanged(new GroupChanged(GROUP, Set.of(BOB)));

        assertThat(membership.snapshot(GROUP).orElseThrow().isMember(BOB)).isTrue();
        verify(loader, times(2)).load(GROUP);
    }

    @Test
    void unknownGroupsAreNotRememberedAndNonIdsNeverLookedUp() {
        when(loader.load(GROUP)).thenReturn(null, withMembers(ALICE));

        assertThat(membership.snapshot(GROUP)).isEmpty();
        assertThat(membership.snapshot(GROUP)).isPresent();
        assertThat(membership.snapshot("not-a-group")).isEmpty();
        assertThat(membership.snapshot("")).isEmpty();
        assertThat(membership.snapshot(null)).isEmpty();
        verify(loader, never()).load("not-a-group");
        verify(loader, times(2)).load(anyString());
    }

    @Test
    void aUsersGroupsAreForgottenWhenTheyJoinOrLeave() {
        when(loader.groupIdsOf(BOB)).thenReturn(Set.of(), Set.of(GROUP));
        when(loader.groupIdsOf(ALICE)).thenReturn(Set.of(GROUP));

        assertThat(membership.groupIdsOf(BOB)).isEmpty();
        assertThat(membership.groupIdsOf(ALICE)).containsExactly(GROUP);
        membership.onGroupChanged(GroupChanged.settingsOrRoles(GROUP));
        assertThat(membership.groupIdsOf(BOB)).as("a settings change keeps group lists").isEmpty();

        membership.onGroupChanged(new GroupChanged(GROUP, Set.of(BOB)));

        assertThat(membership.groupIdsOf(BOB)).containsExactly(GROUP);
        assertThat(membership.groupIdsOf(ALICE)).containsExactly(GROUP);
        verify(loader, times(1)).groupIdsOf(ALICE);
        verify(loader, times(2)).groupIdsOf(BOB);
    }
}
