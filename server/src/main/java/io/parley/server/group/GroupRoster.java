package io.parley.server.group;

import io.parley.server.message.GroupConversations;
import io.parley.server.web.ApiException;
import io.parley.server.web.ErrorCode;
import java.time.Instant;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Adds users to and removes them from a locked group, whichever way they come (joining, an approved request,
 * an accepted invitation) or go (leaving, kicked): the size limit, the member row, the group's conversation,
 * their pending requests and invitations, and the {@link GroupChanged} that refreshes the cache.
 */
@Component
class GroupRoster {

    private final GroupMemberRepository members;
    private final GroupJoinRequestRepository requests;
    private final GroupBanRepository bans;
    private final GroupConversations conversations;
    private final GroupProperties properties;
    private final ApplicationEventPublisher events;

    GroupRoster(GroupMemberRepository members, GroupJoinRequestRepository requests, GroupBanRepository bans,
            GroupConversations conversations, GroupProperties properties, ApplicationEventPublisher events) {
        this.members = members;
        this.requests = requests;
        this.bans = bans;
        this.conversations = conversations;
        this.properties = properties;
        this.events = events;
    }

    /**
     * Adds {@code userId} as a MEMBER; 409 ALREADY_MEMBER, 409 GROUP_FULL. Their other pending requests and
     * invitations to the group are withdrawn, except {@code answeredRequestId} (the request being answered,
     * 0 for none), which the caller answers itself.
     */
    GroupMember admit(LockedGroup locked, long userId, long answeredRequestId, Instant now) {
        if (locked.isMember(userId)) {
            throw new ApiException(ErrorCode.ALREADY_MEMBER, "Already a member of this group");
        }
        checkRoom(locked.size() + 1);
        ChatGroup group = locked.group();
        GroupMember member = members.save(new GroupMember(group.getId(), userId, GroupRole.MEMBER, now));
        conversations.addMember(group.getUuid(), userId);
        requests.cancelPendingOf(group.getId(), userId, answeredRequestId, now);
        locked.added(member);
        events.publishEvent(new GroupChanged(group.getUuid(), Set.of(userId)));
        return member;
    }

    /** Removes a member (they left or were kicked): they get nothing new from the group's conversation. */
    void remove(LockedGroup locked, GroupMember member) {
        ChatGroup group = locked.group();
        members.delete(member);
        conversations.removeMember(group.getUuid(), member.getUserId());
        locked.removed(member.getUserId());
        events.publishEvent(new GroupChanged(group.getUuid(), Set.of(member.getUserId())));
    }

    /**
     * 403 BANNED_FROM_GROUP when the user is banned from the group. Joining and inviting ask; approving a request
     * and accepting an invitation need not, since a ban withdraws the user's pending ones.
     */
    void checkNotBanned(LockedGroup locked, long userId) {
        if (bans.isBanned(locked.group().getId(), userId)) {
            throw new ApiException(ErrorCode.BANNED_FROM_GROUP, "Banned from this group by its owner or an admin");
        }
    }

    /** 409 GROUP_FULL when a group of {@code memberCount} members would be over the limit. */
    void checkRoom(int memberCount) {
        if (memberCount > properties.maxMembers()) {
            throw new ApiException(ErrorCode.GROUP_FULL,
                    "A group may have at most " + properties.maxMembers() + " members");
        }
    }
}
