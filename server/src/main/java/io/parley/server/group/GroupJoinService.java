package io.parley.server.group;

import io.parley.protocol.GroupEvent;
import io.parley.server.friend.FriendGraph;
import io.parley.server.group.GroupJoinRequest.Kind;
import io.parley.server.group.GroupJoinRequest.Status;
import io.parley.server.user.User;
import io.parley.server.web.ApiException;
import io.parley.server.web.ErrorCode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ways into a group: joining an open group, asking to join an APPROVAL group and the answer of its
 * owner or admins, and invitations from members with the invitee's answer. Every change runs under the
 * {@link GroupLock}.
 */
@Service
@Transactional(isolation = Isolation.READ_COMMITTED)
class GroupJoinService {

    private final GroupRepository groups;
    private final GroupJoinRequestRepository requests;
    private final GroupFinder finder;
    private final GroupLock lock;
    private final GroupRoster roster;
    private final GroupUsers users;
    private final FriendGraph friends;
    private final GroupNotices notices;
    private final GroupTransactions transactions;
    private final Clock clock;

    @PersistenceContext
    private EntityManager entityManager;

    GroupJoinService(GroupRepository groups, GroupJoinRequestRepository requests, GroupFinder finder, GroupLock lock,
            GroupRoster roster, GroupUsers users, FriendGraph friends, GroupNotices notices,
            GroupTransactions transactions, Clock clock) {
        this.groups = groups;
        this.requests = requests;
        this.finder = finder;
        this.lock = lock;
        this.roster = roster;
        this.users = users;
        this.friends = friends;
        this.notices = notices;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Joins: with a pending invitation, accepts it (whatever the policy); otherwise an OPEN group at once, an
     * APPROVAL group by a request to its owner and admins (who get JOIN_REQUESTED), an INVITE_ONLY group
     * never (403 INVITE_ONLY). A banned user never (403 BANNED_FROM_GROUP).
     */
    GroupViews.JoinOutcome join(long meId, UUID groupId) {
        LockedGroup locked = lock.lock(groupId.toString());
        ChatGroup group = locked.group();
        if (locked.isMember(meId)) {
            throw new ApiException(ErrorCode.ALREADY_MEMBER, "You are already a member of this group");
        }
        roster.checkNotBanned(locked, meId);
        Optional<GroupJoinRequest> invitation = pending(group.getId(), meId, Kind.INVITATION);
        if (invitation.isPresent()) {
            admit(locked, invitation.get(), meId);
            return new GroupViews.JoinOutcome(view(locked, GroupRole.MEMBER), null);
        }
        return switch (group.getJoinPolicy()) {
            case OPEN -> {
                roster.admit(locked, meId, 0, clock.instant());
                memberJoined(locked, meId, meId);
                yield new GroupViews.JoinOutcome(view(locked, GroupRole.MEMBER), null);
            }
            case APPROVAL -> new GroupViews.JoinOutcome(view(locked, null), ask(locked, meId));
            case INVITE_ONLY -> throw new ApiException(ErrorCode.INVITE_ONLY, "This group can only be joined by invitation");
        };
    }

    /** Owner or admin: the pending join requests, oldest first. */
    @Transactional(readOnly = true)
    List<GroupViews.Request> pendingRequests(long meId, UUID groupId) {
        ChatGroup group = finder.moderatedBy(meId, groupId);
        List<GroupJoinRequest> pending = requests.findByGroupIdAndKindAndStatusOrderByCreatedAtAscIdAsc(group.getId(),
                Kind.REQUEST, Status.PENDING);
        Map<Long, User> requesters = users.byIds(pending.stream().map(GroupJoinRequest::getUserId).toList());
        return pending.stream().map(r -> GroupViews.Request.of(r, group, requesters.get(r.getUserId()), null)).toList();
    }

    /** Owner or admin: lets the requester in; everyone, the new member included, gets MEMBER_JOINED. */
    GroupViews.Request approve(long meId, UUID groupId, long requestId) {
        LockedGroup locked = lock.lock(groupId.toString());
        locked.moderator(meId);
        GroupJoinRequest request = pendingOfGroup(locked, requestId);
        admit(locked, request, meId);
        return view(request, locked.group());
    }

    /** Owner or admin: turns the request down; the requester gets JOIN_REJECTED. */
    GroupViews.Request reject(long meId, UUID groupId, long requestId) {
        LockedGroup locked = lock.lock(groupId.toString());
        locked.moderator(meId);
        GroupJoinRequest request = pendingOfGroup(locked, requestId);
        request.answer(Status.REJECTED, clock.instant());
        GroupEvent.Builder rejected = notices.event(locked.group(), GroupEvent.Type.JOIN_REJECTED, meId,
                request.getUserId()).setRequestId(request.getId());
        notices.send(new long[] {request.getUserId()}, rejected);
        return view(request, locked.group());
    }

    /**
     * Any member: invites a friend, who gets INVITED. 404 USER_NOT_FOUND, 409 ALREADY_MEMBER, 403
     * BANNED_FROM_GROUP, 404 NOT_FRIENDS,
     * 409 ALREADY_INVITED (a pending invitation to them exists). The friendship is checked before the
     * transaction opens (see {@link GroupTransactions}).
     */
    @Transactional(propagation = Propagation.NEVER)
    GroupViews.Request invite(long meId, UUID groupId, UUID inviteeId) {
        User invitee = users.byPublicId(inviteeId);
        boolean friendsNow = friends.areFriends(meId, invitee.getId());
        return transactions.inTransaction(() -> {
            LockedGroup locked = lock.lock(groupId.toString());
            locked.caller(meId);
            if (locked.isMember(invitee.getId())) {
                throw new ApiException(ErrorCode.ALREADY_MEMBER, invitee.getUsername() + " is already a member");
            }
            roster.checkNotBanned(locked, invitee.getId());
            if (!friendsNow) {
                throw new ApiException(ErrorCode.NOT_FRIENDS, "You can only invite your friends");
            }
            ChatGroup group = locked.group();
            if (pending(group.getId(), invitee.getId(), Kind.INVITATION).isPresent()) {
                throw new ApiException(ErrorCode.ALREADY_INVITED, invitee.getUsername() + " is already invited");
            }
            GroupJoinRequest invitation = requests.save(
                    GroupJoinRequest.invitation(group.getId(), invitee.getId(), meId, clock.instant()));
            notices.send(new long[] {invitee.getId()}, notices.event(group, GroupEvent.Type.INVITED, meId,
                    invitee.getId()).setRequestId(invitation.getId()));
            return view(invitation, group);
        });
    }

    /** The caller's pending invitations, newest first; none to dissolved groups. */
    @Transactional(readOnly = true)
    List<GroupViews.Request> myInvitations(long meId) {
        List<GroupJoinRequest> mine = requests.pendingFor(meId, Kind.INVITATION, Status.PENDING);
        Map<Long, ChatGroup> byId = groups.findAllById(mine.stream().map(GroupJoinRequest::getGroupId).toList())
                .stream().collect(Collectors.toMap(ChatGroup::getId, g -> g));
        Map<Long, User> people = users.byIds(mine.stream()
                .flatMap(r -> Stream.of(r.getUserId(), r.getInvitedBy())).collect(Collectors.toSet()));
        return mine.stream().map(r -> GroupViews.Request.of(r, byId.get(r.getGroupId()), people.get(r.getUserId()),
                people.get(r.getInvitedBy()))).toList();
    }

    /** The invitee joins; everyone, the new member included, gets MEMBER_JOINED. */
    GroupViews.Request accept(long meId, long invitationId) {
        GroupJoinRequest invitation = invitationTo(meId, invitationId);
        LockedGroup locked = lock.lock(invitation.getGroupId());
        checkPending(refreshed(invitation));
        admit(locked, invitation, meId);
        return view(invitation, locked.group());
    }

    /** The invitee declines; nobody is told. */
    GroupViews.Request decline(long meId, long invitationId) {
        GroupJoinRequest invitation = invitationTo(meId, invitationId);
        LockedGroup locked = lock.lock(invitation.getGroupId());
        checkPending(refreshed(invitation));
        invitation.answer(Status.REJECTED, clock.instant());
        return view(invitation, locked.group());
    }

    /** A new request to join, or 409 REQUEST_ALREADY_PENDING; the owner and admins get JOIN_REQUESTED. */
    private GroupViews.Request ask(LockedGroup locked, long meId) {
        ChatGroup group = locked.group();
        if (pending(group.getId(), meId, Kind.REQUEST).isPresent()) {
            throw new ApiException(ErrorCode.REQUEST_ALREADY_PENDING, "You already asked to join this group");
        }
        GroupJoinRequest request = requests.save(GroupJoinRequest.request(group.getId(), meId, clock.instant()));
        notices.send(locked.moderatorIds(), notices.event(group, GroupEvent.Type.JOIN_REQUESTED, meId, meId)
                .setRequestId(request.getId()));
        return view(request, group);
    }

    /** Lets the user of a pending request or invitation in, and tells everyone. {@code actorId} let them in. */
    private void admit(LockedGroup locked, GroupJoinRequest request, long actorId) {
        Instant now = clock.instant();
        roster.admit(locked, request.getUserId(), request.getId(), now);
        request.answer(Status.APPROVED, now);
        memberJoined(locked, actorId, request.getUserId());
    }

    private void memberJoined(LockedGroup locked, long actorId, long newMemberId) {
        notices.send(locked.memberIds(), notices.event(locked.group(), GroupEvent.Type.MEMBER_JOINED, actorId, newMemberId));
    }

    /** A pending join request (not invitation) of the locked group; 404 JOIN_REQUEST_NOT_FOUND, 409 REQUEST_NOT_PENDING. */
    private GroupJoinRequest pendingOfGroup(LockedGroup locked, long requestId) {
        GroupJoinRequest request = requests.findById(requestId)
                .filter(r -> r.getGroupId() == locked.group().getId() && r.getKind() == Kind.REQUEST)
                .orElseThrow(() -> new ApiException(ErrorCode.JOIN_REQUEST_NOT_FOUND, "No such join request"));
        checkPending(request);
        return request;
    }

    private GroupJoinRequest invitationTo(long meId, long invitationId) {
        return requests.findById(invitationId)
                .filter(r -> r.getUserId() == meId && r.getKind() == Kind.INVITATION)
                .orElseThrow(() -> new ApiException(ErrorCode.INVITATION_NOT_FOUND, "No such invitation to you"));
    }

    /** The request as it is now that the group is locked: read before the lock, it may have changed since. */
    private GroupJoinRequest refreshed(GroupJoinRequest request) {
        entityManager.refresh(request);
        return request;
    }

    private static void checkPending(GroupJoinRequest request) {
        if (!request.isPending()) {
            throw new ApiException(ErrorCode.REQUEST_NOT_PENDING,
                    "It was already " + request.getStatus().name().toLowerCase(Locale.ROOT));
        }
    }

    private Optional<GroupJoinRequest> pending(long groupId, long userId, Kind kind) {
        return requests.findFirstByGroupIdAndUserIdAndKindAndStatus(groupId, userId, kind, Status.PENDING);
    }

    private GroupViews.Request view(GroupJoinRequest request, ChatGroup group) {
        User user = users.byId(request.getUserId());
        User inviter = request.getInvitedBy() == null ? null : users.byId(request.getInvitedBy());
        return GroupViews.Request.of(request, group, user, inviter);
    }

    private static GroupViews.Group view(LockedGroup locked, GroupRole myRole) {
        return GroupViews.Group.of(locked.group(), locked.size(), myRole);
    }
}
