package io.parley.server.group;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Finds groups for reads, without locking; changes go through {@link GroupLock}. */
@Component
class GroupFinder {

    private final GroupRepository groups;
    private final GroupMemberRepository members;

    GroupFinder(GroupRepository groups, GroupMemberRepository members) {
        this.groups = groups;
        this.members = members;
    }

    /** A group that is not dissolved; 404 GROUP_NOT_FOUND otherwise. */
    ChatGroup existing(UUID groupId) {
        return groups.findByUuid(groupId.toString()).filter(g -> !g.isDissolved())
                .orElseThrow(GroupRefusals::notFound);
    }

    /** A group the caller owns or administers; 404 GROUP_NOT_FOUND, 403 NOT_GROUP_ADMIN. */
    ChatGroup moderatedBy(long meId, UUID groupId) {
        ChatGroup group = existing(groupId);
        if (!roleOf(group, meId).map(GroupRole::mayModerate).orElse(false)) {
            throw GroupRefusals.notAdmin();
        }
        return group;
    }

    Optional<GroupRole> roleOf(ChatGroup group, long userId) {
        return members.findByGroupIdAndUserId(group.getId(), userId).map(GroupMember::getRole);
    }
}
