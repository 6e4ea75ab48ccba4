package io.parley.server.group;

import io.parley.server.presence.UserPresence;
import io.parley.server.user.User;
import io.parley.server.user.UserViews;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** What the group endpoints answer. Ids are public: group and user UUIDs, request numbers. */
final class GroupViews {

    private GroupViews() {
    }

    /** A group as the caller sees it; {@code myRole} is null when the caller is not a member. */
    record Group(String id, String name, String notice, String avatarUrl, JoinPolicy joinPolicy, boolean allMuted,
            long memberCount, GroupRole myRole, Instant createdAt) {

        static Group of(ChatGroup group, long memberCount, GroupRole myRole) {
            return new Group(group.getUuid(), group.getName(), group.getNotice(), group.avatarUrl(),
                    group.getJoinPolicy(), group.isAllMuted(), memberCount, myRole, group.getCreatedAt());
        }
    }

    /** Enough of a group to show it next to a request or invitation. */
    record GroupRef(String id, String name, String avatarUrl) {

        static GroupRef of(ChatGroup group) {
            return new GroupRef(group.getUuid(), group.getName(), group.avatarUrl());
        }
    }

    /**
     * A member. {@code muted} is whether they may not speak now because of their own mute; {@code mutedUntil}
     * when that mute ends, null when it lasts until lifted (or when not muted). {@code online}: a device of
     * theirs is connected; {@code lastSeen}: when their last device left, null while online or never seen.
     */
    record Member(String id, String username, String nickname, String avatarUrl, GroupRole role, boolean muted,
            Instant mutedUntil, boolean online, Instant lastSeen, Instant joinedAt) {

        static Member of(GroupMember member, User user, UserPresence presence, Instant now) {
            boolean muted = member.isMutedAt(now);
            Instant until = muted && !GroupSnapshot.Member.UNTIL_UNMUTED.equals(member.mutedUntil())
                    ? member.mutedUntil() : null;
            UserViews.Public view = UserViews.Public.of(user);
            return new Member(view.id(), view.username(), view.nickname(), view.avatarUrl(), member.getRole(), muted,
                    until, presence.online(), presence.lastSeen(), member.getJoinedAt());
        }
    }

    /**
     * A join request (kind REQUEST: {@code user} asks) or an invitation (kind INVITATION: {@code invitedBy}
     * invites {@code user}).
     */
    @Schema(name = "GroupJoinRequest")
    record Request(long id, GroupRef group, UserViews.Public user, GroupJoinRequest.Kind kind,
            UserViews.Public invitedBy, GroupJoinRequest.Status status, Instant createdAt) {

        static Request of(GroupJoinRequest request, ChatGroup group, User user, User inviter) {
            return new Request(request.getId(), GroupRef.of(group), UserViews.Public.of(user), request.getKind(),
                    inviter == null ? null : UserViews.Public.of(inviter), request.getStatus(), request.getCreatedAt());
        }
    }

    /** A user banned from a group, who banned them and when. */
    record Ban(UserViews.Public user, UserViews.Public bannedBy, Instant bannedAt) {

        static Ban of(GroupBan ban, User user, User bannedBy) {
            return new Ban(UserViews.Public.of(user), UserViews.Public.of(bannedBy), ban.getBannedAt());
        }
    }

    /** The answer to joining: {@code request} is null when the caller is now a member, set when they must wait. */
    record JoinOutcome(Group group, Request request) {
    }
}
