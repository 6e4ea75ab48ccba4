package io.parley.server.group;

import io.parley.protocol.GroupEvent;
import io.parley.server.presence.PresenceTracker;
import io.parley.server.presence.UserPresence;
import io.parley.server.user.User;
import io.parley.server.web.ApiException;
import io.parley.server.web.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** The member list, leaving, and what owners and admins do to members: kick, mute, change roles. */
@Service
@Transactional(isolation = Isolation.READ_COMMITTED)
class GroupMemberService {

    private static final Comparator<GroupViews.Member> BY_ROLE_THEN_JOINED = Comparator
            .comparing(GroupViews.Member::role)
            .thenComparing(GroupViews.Member::joinedAt)
            .thenComparing(GroupViews.Member::username);

    private final GroupFinder finder;
    private final GroupMemberRepository members;
    private final GroupLock lock;
    private final GroupRoster roster;
    private final GroupUsers users;
    private final PresenceTracker presence;
    private final GroupNotices notices;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GroupMemberService(GroupFinder finder, GroupMemberRepository members, GroupLock lock, GroupRoster roster,
            GroupUsers users, PresenceTracker presence, GroupNotices notices,
            ApplicationEventPublisher events, Clock clock) {
        this.finder = finder;
        this.members = members;
        this.lock = lock;
        this.roster = roster;
        this.users = users;
        this.presence = presence;
        this.notices = notices;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The members, owner first, then admins, then members, each by joining time. Only members may see them:
     * to anyone else the group does not exist (404 GROUP_NOT_FOUND).
     */
    @Transactional(readOnly = true)
    List<GroupViews.Member> members(long meId, UUID groupId) {
        ChatGroup group = finder.existing(groupId);
        List<GroupMember> all = members.findByGroupId(group.getId());
        if (all.stream().noneMatch(m -> m.getUserId() == meId)) {
            throw GroupRefusals.notFound();
        }
        List<Long> ids = all.stream().map(GroupMember::getUserId).toList();
        Map<Long, User> byId = users.byIds(ids);
        Map<Long, UserPresence> presences = presence.presenceOf(ids);
        Instant now = clock.instant();
        return all.stream()
                .map(m -> GroupViews.Member.of(m, byId.get(m.getUserId()), presences.get(m.getUserId()), now))
                .sorted(BY_ROLE_THEN_JOINED)
                .toList();
    }

    /** Leaves the group; the others and the leaver's other devices get MEMBER_LEFT. The owner must hand over first. */
    void leave(long meId, UUID groupId) {
        LockedGroup locked = lock.lock(groupId.toString());
        GroupMember me = locked.caller(meId);
        if (me.getRole() == GroupRole.OWNER) {
            throw new ApiException(ErrorCode.OWNER_MUST_TRANSFER,
                    "The owner cannot leave: transfer the group to another member first, or dissolve it");
        }
        roster.remove(locked, me);
        notices.send(locked.memberIdsAnd(meId), notices.event(locked.group(), GroupEvent.Type.MEMBER_LEFT, meId, meId));
    }

    /** Owner or admin: removes a member; everyone, the removed member included, gets MEMBER_KICKED. */
    void kick(long meId, UUID groupId, UUID targetId) {
        LockedGroup locked = lock.lock(groupId.toString());
        GroupMember me = locked.moderator(meId);
        GroupMember target = locked.target(users.idOf(targetId));
        LockedGroup.checkMayActOn(me, target);
        roster.remove(locked, target);
        notices.send(locked.memberIdsAnd(target.getUserId()),
                notices.event(locked.group(), GroupEvent.Type.MEMBER_KICKED, meId, target.getUserId()));
    }

    /**
     * Owner or admin: mutes a member for {@code minutes}, or until unmuted when null; members get MEMBER_MUTED
     * (again on every call: the end may have changed).
     */
    GroupViews.Member mute(long meId, UUID groupId, UUID targetId, Integer minutes) {
        LockedGroup locked = lock.lock(groupId.toString());
        GroupMember me = locked.moderator(meId);
        GroupMember target = locked.target(users.idOf(targetId));
        LockedGroup.checkMayActOn(me, target);
        Instant now = clock.instant();
        // Stored to the millisecond: the answer and the pushed time must be what later reads see.
        target.mute(minutes == null ? null : now.plus(Duration.ofMinutes(minutes)).truncatedTo(ChronoUnit.MILLIS));
        changed(locked);
        Instant until = target.mutedUntil();
        long untilMillis = GroupSnapshot.Member.UNTIL_UNMUTED.equals(until) ? 0 : until.toEpochMilli();
        notices.send(locked.memberIds(), notices.event(locked.group(), GroupEvent.Type.MEMBER_MUTED, meId,
                target.getUserId()).setMutedUntil(untilMillis));
        return memberView(target, now);
    }

    /** Owner or admin: lifts a member's mute; members get MEMBER_UNMUTED when they were muted. */
    void unmute(long meId, UUID groupId, UUID targetId) {
        LockedGroup locked = lock.lock(groupId.toString());
        GroupMember me = locked.moderator(meId);
        GroupMember target = locked.target(users.idOf(targetId));
        LockedGroup.checkMayActOn(me, target);
        boolean wasMuted = target.isMutedAt(clock.instant());
        if (target.mutedUntil() != null) {
            target.unmute();
            changed(locked);
        }
        if (wasMuted) {
            notices.send(locked.memberIds(), notices.event(locked.group(), GroupEvent.Type.MEMBER_UNMUTED, meId,
                    target.getUserId()));
        }
    }

    /** Owner: makes a member an admin or an admin a member; members get ROLE_CHANGED when it changed. */
    GroupViews.Member changeRole(long meId, UUID groupId, UUID targetId, GroupRole role) {
        if (role == GroupRole.OWNER) {
            throw ApiException.invalid("must be ADMIN or MEMBER: use transfer to change the owner", "role");
        }
        LockedGroup locked = lock.lock(groupId.toString());
        locked.owner(meId);
        GroupMember target = locked.target(users.idOf(targetId));
        if (target.getUserId() == meId) {
            throw new ApiException(ErrorCode.CANNOT_TARGET_SELF, "The owner's role changes only by transfer");
        }
        if (target.getRole() != role) {
            target.changeRole(role);
            changed(locked);
            notices.send(locked.memberIds(), notices.event(locked.group(), GroupEvent.Type.ROLE_CHANGED, meId,
                    target.getUserId()).setRole(role.name()));
        }
        return memberView(target, clock.instant());
    }

    private void changed(LockedGroup locked) {
        events.publishEvent(GroupChanged.settingsOrRoles(locked.group().getUuid()));
    }

    private GroupViews.Member memberView(GroupMember member, Instant now) {
        return GroupViews.Member.of(member, users.byId(member.getUserId()),
                presence.presenceOf(List.of(member.getUserId())).get(member.getUserId()), now);
    }
}
