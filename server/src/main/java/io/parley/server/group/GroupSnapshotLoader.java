package io.parley.server.group;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what {@link GroupMembership} caches. Each load runs in a transaction of its own: a caller's
 * transaction may hold a snapshot older than the latest commit (MariaDB's REPEATABLE READ), and what is
 * loaded here gets cached for everyone.
 */
@Component
class GroupSnapshotLoader {

    private final GroupRepository groups;
    private final GroupMemberRepository members;

    GroupSnapshotLoader(GroupRepository groups, GroupMemberRepository members) {
        this.groups = groups;
        this.members = members;
    }

    /** The group, dissolved or not, or null when no group has this id. */
    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    GroupSnapshot load(String groupUuid) {
        return groups.findByUuid(groupUuid).map(group -> new GroupSnapshot(group.getId(), group.getUuid(),
                group.getName(), group.avatarUrl(), group.getNotice(), group.isDissolved(), group.isAllMuted(),
                members.findByGroupId(group.getId()).stream().collect(Collectors.toMap(GroupMember::getUserId,
                        m -> new GroupSnapshot.Member(m.getUserId(), m.getRole(), m.mutedUntil())))))
                .orElse(null);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    Set<String> groupIdsOf(long userId) {
        return Set.copyOf(groups.uuidsOfGroupsOf(userId));
    }
}
