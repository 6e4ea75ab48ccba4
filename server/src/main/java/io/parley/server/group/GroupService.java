package io.parley.server.group;

import io.parley.protocol.GroupEvent;
import io.parley.server.friend.FriendGraph;
import io.parley.server.message.GroupConversations;
import io.parley.server.user.User;
import io.parley.server.web.ApiException;
import io.parley.server.web.ErrorCode;
import io.parley.server.web.PageView;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A group's life and settings: creating, finding, renaming, muting everyone, the avatar, handing over
 * ownership, dissolving. Every change runs under the {@link GroupLock}.
 */
@Service
@Transactional(isolation = Isolation.READ_COMMITTED)
class GroupService {

    private final GroupRepository groups;
    private final GroupMemberRepository members;
    private final GroupJoinRequestRepository requests;
    private final GroupFinder finder;
    private final GroupLock lock;
    private final GroupRoster roster;
    private final GroupConversations conversations;
    private final GroupUsers users;
    private final FriendGraph friends;
    private final GroupNotices notices;
    private final GroupTransactions transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GroupService(GroupRepository groups, GroupMemberRepository members, GroupJoinRequestRepository requests,
            GroupFinder finder, GroupLock lock, GroupRoster roster, GroupConversations conversations, GroupUsers users,
            FriendGraph friends, GroupNotices notices, GroupTransactions transactions, ApplicationEventPublisher events,
            Clock clock) {
        this.groups = groups;
        this.members = members;
        this.requests = requests;
        this.finder = finder;
        this.lock = lock;
        this.roster = roster;
        this.conversations = conversations;
        this.users = users;
        this.friends = friends;
        this.notices = notices;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates a group owned by {@code meId} with the given friends as its first members (the caller and
     * repeats in the list are ignored); everyone in it gets CREATED. Friendships are checked before the
     * transaction opens (see {@link GroupTransactions}).
     */
    @Transactional(propagation = Propagation.NEVER)
    GroupViews.Group create(long meId, String name, String notice, JoinPolicy policy, Collection<UUID> memberIds) {
        List<User> invited = users.allByPublicIds(new LinkedHashSet<>(memberIds)).stream()
                .filter(u -> u.getId() != meId).toList();
        roster.checkRoom(1 + invited.size());
        for (User user : invited) {
            if (!friends.areFriends(meId, user.getId())) {
                throw new ApiException(ErrorCode.NOT_FRIENDS, "Only friends can be added: " + user.getUsername()
                        + " is not your friend");
            }
        }
        long[] everyone = LongStream.concat(LongStream.of(meId), invited.stream().mapToLong(User::getId)).toArray();
        return transactions.inTransaction(() -> insert(meId, name, notice, policy, everyone));
    }

    /** A group that is not dissolved; 404 GROUP_NOT_FOUND otherwise. */
    @Transactional(readOnly = true)
    GroupViews.Group view(long meId, UUID groupId) {
        return views(List.of(finder.existing(groupId)), meId).get(0);
    }

    /** Groups whose name contains {@code text}, ignoring case, in name order; dissolved ones never. */
    @Transactional(readOnly = true)
    PageView<GroupViews.Group> search(long meId, String text, int page, int size) {
        Page<ChatGroup> found = groups.findByNameContainingIgnoreCaseAndDeletedAtIsNull(text,
                PageRequest.of(page, size, Sort.by("name", "id")));
        return new PageView<>(views(found.getContent(), meId), found.getNumber(), found.getSize(),
                found.getTotalElements());
    }

    /** The caller's groups by name, dissolved ones left out. */
    @Transactional(readOnly = true)
    List<GroupViews.Group> mine(long meId) {
        return views(groups.listedFor(meId), meId);
    }

    /** Owner or admin: changes the name and/or the notice (null keeps it); members get UPDATED when it changed. */
    GroupViews.Group describe(long meId, UUID groupId, String name, String notice) {
        LockedGroup locked = lock.lock(groupId.toString());
        GroupMember me = locked.moderator(meId);
        if (locked.group().describe(name, notice, clock.instant())) {
            updated(locked, meId);
        }
        return view(locked, me);
    }

    /** Owner or admin: points the group at an already stored avatar image; members get UPDATED. */
    GroupViews.Group changeAvatar(long meId, UUID groupId, String avatarKey) {
        LockedGroup locked = lock.lock(groupId.toString());
        GroupMember me = locked.moderator(meId);
        locked.group().changeAvatar(avatarKey, clock.instant());
        updated(locked, meId);
        return view(locked, me);
    }

    /** 403 NOT_GROUP_ADMIN unless the caller may change the group: asked before storing an upload for it. */
    @Transactional(readOnly = true)
    void checkModerator(long meId, UUID groupId) {
        finder.moderatedBy(meId, groupId);
    }

    /** The storage key of the group's avatar; 404 GROUP_NOT_FOUND, or NOT_FOUND when it has none. */
    @Transactional(readOnly = true)
    String avatarKey(UUID groupId) {
        String key = finder.existing(groupId).getAvatar();
        if (key == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "This group has no avatar");
        }
        return key;
    }

    /** Owner or admin: whether only owner and admins may speak; members get GROUP_MUTED / GROUP_UNMUTED on a change. */
    GroupViews.Group muteAll(long meId, UUID groupId, boolean muted) {
        LockedGroup locked = lock.lock(groupId.toString());
        GroupMember me = locked.moderator(meId);
        if (locked.group().muteAll(muted, clock.instant())) {
            events.publishEvent(GroupChanged.settingsOrRoles(locked.group().getUuid()));
            notices.send(locked.memberIds(), notices.event(locked.group(),
                    muted ? GroupEvent.Type.GROUP_MUTED : GroupEvent.Type.GROUP_UNMUTED, meId));
        }
        return view(locked, me);
    }

    /** Owner: makes another member the owner, and the caller an admin; members get OWNER_CHANGED. */
    GroupViews.Group transfer(long meId, UUID groupId, UUID newOwnerId) {
        LockedGroup locked = lock.lock(groupId.toString());
        GroupMember me = locked.owner(meId);
        GroupMember heir = locked.target(users.idOf(newOwnerId));
        if (heir.getUserId() == meId) {
            throw new ApiException(ErrorCode.CANNOT_TARGET_SELF, "You already own this group");
        }
        me.changeRole(GroupRole.ADMIN);
        heir.changeRole(GroupRole.OWNER);
        events.publishEvent(GroupChanged.settingsOrRoles(locked.group().getUuid()));
        notices.send(locked.memberIds(), notices.event(locked.group(), GroupEvent.Type.OWNER_CHANGED, meId,
                heir.getUserId()));
        return view(locked, me);
    }

    /**
     * Owner: dissolves the group. It is no longer listed, found or joinable, pending requests and invitations
     * are withdrawn, nobody can send; members keep their conversation and its history. Members get DISSOLVED.
     */
    void dissolve(long meId, UUID groupId) {
        LockedGroup locked = lock.lock(groupId.toString());
        locked.owner(meId);
        Instant now = clock.instant();
        locked.group().dissolve(now);
        requests.cancelAllPending(locked.group().getId(), now);
        events.publishEvent(GroupChanged.settingsOrRoles(locked.group().getUuid()));
        notices.send(locked.memberIds(), notices.event(locked.group(), GroupEvent.Type.DISSOLVED, meId));
    }

    /** Stores a new group whose owner is {@code everyone[0]}, the others its members, and tells them all. */
    private GroupViews.Group insert(long meId, String name, String notice, JoinPolicy policy, long[] everyone) {
        Instant now = clock.instant();
        ChatGroup group = groups.save(new ChatGroup(name, notice, policy, now));
        members.save(new GroupMember(group.getId(), meId, GroupRole.OWNER, now));
        conversations.open(group.getUuid(), meId);
        for (int i = 1; i < everyone.length; i++) {
            members.save(new GroupMember(group.getId(), everyone[i], GroupRole.MEMBER, now));
            conversations.addMember(group.getUuid(), everyone[i]);
        }
        events.publishEvent(new GroupChanged(group.getUuid(),
                LongStream.of(everyone).boxed().collect(Collectors.toUnmodifiableSet())));
        notices.send(everyone, notices.event(group, GroupEvent.Type.CREATED, meId));
        return GroupViews.Group.of(group, everyone.length, GroupRole.OWNER);
    }

    private void updated(LockedGroup locked, long actorId) {
        events.publishEvent(GroupChanged.settingsOrRoles(locked.group().getUuid()));
        notices.send(locked.memberIds(), notices.event(locked.group(), GroupEvent.Type.UPDATED, actorId));
    }

    private static GroupViews.Group view(LockedGroup locked, GroupMember me) {
        return GroupViews.Group.of(locked.group(), locked.size(), me.getRole());
    }

    /** Views of the groups, in their order, with member counts and the caller's roles read in two queries. */
    private List<GroupViews.Group> views(List<ChatGroup> found, long meId) {
        if (found.isEmpty()) {
            return List.of();
        }
        List<Long> ids = found.stream().map(ChatGroup::getId).toList();
        Map<Long, Long> counts = members.countMembers(ids).stream()
                .collect(Collectors.toMap(GroupMemberRepository.Count::groupId, GroupMemberRepository.Count::members));
        Map<Long, GroupRole> myRoles = members.findByUserIdAndGroupIdIn(meId, ids).stream()
                .collect(Collectors.toMap(GroupMember::getGroupId, GroupMember::getRole));
        List<GroupViews.Group> views = new ArrayList<>(found.size());
        for (ChatGroup group : found) {
            views.add(GroupViews.Group.of(group, counts.getOrDefault(group.getId(), 0L), myRoles.get(group.getId())));
        }
        return views;
    }
}
