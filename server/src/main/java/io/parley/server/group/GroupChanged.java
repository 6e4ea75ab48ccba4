package io.parley.server.group;

import java.util.Set;

/**
 * Published inside a transaction that changed a group (settings, members, roles, mutes, dissolution); once it
 * commits, {@link GroupMembership} forgets its snapshot of the group, and the group lists of the users who
 * joined or left.
 */
record GroupChanged(String groupUuid, Set<Long> joinedOrLeft) {

    static GroupChanged settingsOrRoles(String groupUuid) {
        return new GroupChanged(groupUuid, Set.of());
    }
}
