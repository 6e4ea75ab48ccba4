package io.parley.server.friend;

import io.parley.protocol.FriendEvent;
import io.parley.server.presence.PresenceTracker;
import io.parley.server.presence.UserPresence;
import io.parley.server.user.User;
import io.parley.server.user.UserViews;
import io.parley.server.web.ApiException;
import io.parley.server.web.ErrorCode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** The friend list and ending a friendship. */
@Service
class FriendService {

    private final FriendshipRepository friendships;
    private final FriendUsers users;
    private final PairLock pairLock;
    private final PresenceTracker presence;
    private final ApplicationEventPublisher events;

    FriendService(FriendshipRepository friendships, FriendUsers users, PairLock pairLock, PresenceTracker presence,
            ApplicationEventPublisher events) {
        this.friendships = friendships;
        this.users = users;
        this.pairLock = pairLock;
        this.presence = presence;
        this.events = events;
    }

    /** The user's friends by username, each with whether they are connected to this node or when last seen. */
    @Transactional(readOnly = true)
    List<FriendViews.Friend> friendsOf(long meId) {
        List<Friendship> mine = friendships.findByUserId(meId);
        List<Long> friendIds = mine.stream().map(Friendship::getFriendId).toList();
        Map<Long, User> byId = users.byIds(friendIds);
        Map<Long, UserPresence> presenceById = presence.presenceOf(friendIds);
        return mine.stream()
                .map(f -> FriendViews.Friend.of(byId.get(f.getFriendId()), presenceById.get(f.getFriendId()),
                        f.getCreatedAt()))
                .sorted(Comparator.comparing(FriendViews.Friend::username))
                .toList();
    }

    @Transactional(isolation = Isolation.READ_COMMITTED)
    void remove(long meId, UUID friendPublicId) {
        User friend = users.byPublicId(friendPublicId);
        if (friend.getId() == meId) {
            throw notFriends();
        }
        PairLock.LockedPair pair = pairLock.lock(meId, friend.getId());
        if (friendships.deletePair(meId, friend.getId()) == 0) {
            throw notFriends();
        }
        events.publishEvent(new RelationChanged(meId, friend.getId()));
        events.publishEvent(new FriendNotice(friend.getId(), FriendEvent.Type.FRIEND_REMOVED, 0,
                UserViews.Public.of(pair.first())));
    }

    private static ApiException notFriends() {
        return new ApiException(ErrorCode.NOT_FRIENDS, "You are not friends with this user");
    }
}
