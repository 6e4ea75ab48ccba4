package io.parley.server.group;

import io.parley.server.web.ApiException;
import io.parley.server.web.ErrorCode;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * A group and its members as read under the group's row lock: nobody else can change them until the
 * transaction ends, so checks made here hold for the writes that follow. The checks throw the refusal the
 * caller sees.
 */
final class LockedGroup {

    private final ChatGroup group;
    private final Map<Long, GroupMember> members = new HashMap<>();

    LockedGroup(ChatGroup group, Collection<GroupMember> members) {
        this.group = group;
        members.forEach(m -> this.members.put(m.getUserId(), m));
    }

    ChatGroup group() {
        return group;
    }

    int size() {
        return members.size();
    }

    boolean isMember(long userId) {
        return members.containsKey(userId);
    }

    /** The caller as a member; 403 NOT_GROUP_MEMBER when they are not one. */
    GroupMember caller(long userId) {
        GroupMember member = members.get(userId);
        if (member == null) {
            throw new ApiException(ErrorCode.NOT_GROUP_MEMBER, "You are not a member of this group");
        }
        return member;
    }

    /** The caller as owner or admin; 403 NOT_GROUP_ADMIN otherwise. */
    GroupMember moderator(long userId) {
        GroupMember member = members.get(userId);
        if (member == null || !member.getRole().mayModerate()) {
            throw GroupRefusals.notAdmin();
        }
        return member;
    }

    /** The caller as owner; 403 NOT_GROUP_OWNER otherwise. */
    GroupMember owner(long userId) {
        GroupMember member = members.get(userId);
        if (member == null || member.getRole() != GroupRole.OWNER) {
            throw new ApiException(ErrorCode.NOT_GROUP_OWNER, "Only the group's owner may do this");
        }
        return member;
    }

    /** The member an action is aimed at; 404 NOT_A_MEMBER when there is no such member. */
    GroupMember target(Long userId) {
        GroupMember member = userId == null ? null : members.get(userId);
        if (member == null) {
            throw new ApiException(ErrorCode.NOT_A_MEMBER, "That user is not a member of this group");
        }
        return member;
    }

    /**
     * Whether {@code actor} may kick or mute {@code target}: never themselves (400 CANNOT_TARGET_SELF); an admin
     * only plain members (403 NOT_GROUP_OWNER), the owner anyone else.
     */
    static void checkMayActOn(GroupMember actor, GroupMember target) {
        if (actor.getUserId() == target.getUserId()) {
            throw new ApiException(ErrorCode.CANNOT_TARGET_SELF, "You cannot do this to yourself");
        }
        if (actor.getRole() != GroupRole.OWNER && target.getRole() != GroupRole.MEMBER) {
            throw new ApiException(ErrorCode.NOT_GROUP_OWNER, "Only the owner may do this to an admin or the owner");
        }
    }

    void added(GroupMember member) {
        members.put(member.getUserId(), member);
    }

    void removed(long userId) {
        members.remove(userId);
    }

    /** Every member's id, for telling them all. */
    long[] memberIds() {
        return members.keySet().stream().mapToLong(Long::longValue).toArray();
    }

    /** Every member's id plus {@code extra} (a member who just left or was removed). */
    long[] memberIdsAnd(long extra) {
        return LongStream.concat(members.keySet().stream().mapToLong(Long::longValue).filter(id -> id != extra),
                LongStream.of(extra)).toArray();
    }

    long[] moderatorIds() {
        return members.values().stream().filter(m -> m.getRole().mayModerate()).mapToLong(GroupMember::getUserId)
                .toArray();
    }
}
