package io.parley.server.group;

import io.parley.protocol.GroupEvent;
import io.parley.server.user.User;
import io.parley.server.web.ApiException;
import io.parley.server.web.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The group's ban list: owners and admins keep users out (removing them first when they are members) and let
 * them back. {@link GroupRoster} refuses banned users on every way in.
 */
@Service
@Transactional(isolation = Isolation.READ_COMMITTED)
class GroupBanService {

    private final GroupBanRepository bans;
    private final GroupJoinRequestRepository requests;
    private final GroupFinder finder;
    private final GroupLock lock;
    private final GroupRoster roster;
    private final GroupUsers users;
    private final GroupNotices notices;
    private final Clock clock;

    GroupBanService(GroupBanRepository bans, GroupJoinRequestRepository requests, GroupFinder finder, GroupLock lock,
            GroupRoster roster, GroupUsers users, GroupNotices notices, Clock clock) {
        this.bans = bans;
        this.requests = requests;
        this.finder = finder;
        this.lock = lock;
        this.roster = roster;
        this.users = users;
        this.notices = notices;
        this.clock = clock;
    }

    /**
     * Owner or admin: bans a user. A member is removed first, under the same rules as kicking (an admin bans
     * only MEMBERs); the user's pending requests and invitations are withdrawn. Every member, and the banned
     * user when they were one, gets MEMBER_BANNED. Banning a banned user changes nothing and pushes nothing.
     */
    GroupViews.Ban ban(long meId, UUID groupId, UUID targetId) {
        User target = users.byPublicId(targetId);
        LockedGroup locked = lock.lock(groupId.toString());
        GroupMember me = locked.moderator(meId);
        if (target.getId() == meId) {
            throw new ApiException(ErrorCode.CANNOT_TARGET_SELF, "You cannot ban yourself");
        }
        ChatGroup group = locked.group();
        Optional<GroupBan> earlier = bans.findById(new GroupBan.Key(group.getId(), target.getId()));
        if (earlier.isPresent()) {
            return view(earlier.get(), target);
        }
        long[] told;
        if (locked.isMember(target.getId())) {
            GroupMember member = locked.target(target.getId());
            LockedGroup.checkMayActOn(me, member);
            roster.remove(locked, member);
            told = locked.memberIdsAnd(target.getId());
        } else {
            told = locked.memberIds();
        }
        Instant now = clock.instant();
        requests.cancelPendingOf(group.getId(), target.getId(), 0, now);
        GroupBan ban = bans.save(new GroupBan(group.getId(), target.getId(), meId, now));
        notices.send(told, notices.event(group, GroupEvent.Type.MEMBER_BANNED, meId, target.getId()));
        return view(ban, target);
    }

    /** Owner or admin: lets a banned user join again (they are not added back). Idempotent; pushes nothing. */
    void unban(long meId, UUID groupId, UUID targetId) {
        User target = users.byPublicId(targetId);
        LockedGroup locked = lock.lock(groupId.toString());
        locked.moderator(meId);
        bans.deleteById(new GroupBan.Key(locked.group().getId(), target.getId()));   // none: nothing to do
    }

    /** Owner or admin: the banned users, the latest ban first. */
    @Transactional(readOnly = true)
    List<GroupViews.Ban> banned(long meId, UUID groupId) {
        ChatGroup group = finder.moderatedBy(meId, groupId);
        List<GroupBan> all = bans.findByGroupIdOrderByBannedAtDescUserIdDesc(group.getId());
        Map<Long, User> people = users.byIds(all.stream()
                .flatMap(b -> Stream.of(b.getUserId(), b.getBannedBy())).collect(Collectors.toSet()));
        return all.stream().map(b -> GroupViews.Ban.of(b, people.get(b.getUserId()), people.get(b.getBannedBy())))
                .toList();
    }

    private GroupViews.Ban view(GroupBan ban, User target) {
        return GroupViews.Ban.of(ban, target, users.byId(ban.getBannedBy()));
    }
}
