package io.parley.server.friend;

import io.parley.server.user.User;
import io.parley.server.user.UserViews;
import io.parley.server.web.ApiException;
import io.parley.server.web.ErrorCode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Blocking and unblocking. A block ends any friendship and withdraws pending requests between the two, and
 * tells the blocked user nothing.
 */
@Service
class BlockService {

    private final BlockRepository blocks;
    private final FriendshipRepository friendships;
    private final FriendRequestRepository requests;
    private final FriendUsers users;
    private final PairLock pairLock;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BlockService(BlockRepository blocks, FriendshipRepository friendships, FriendRequestRepository requests,
            FriendUsers users, PairLock pairLock, ApplicationEventPublisher events, Clock clock) {
        this.blocks = blocks;
        this.friendships = friendships;
        this.requests = requests;
        this.users = users;
        this.pairLock = pairLock;
        this.events = events;
        this.clock = clock;
    }

    /** Idempotent: blocking someone already blocked changes nothing. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    void block(long meId, UUID targetPublicId) {
        User target = users.byPublicId(targetPublicId);
        if (target.getId() == meId) {
            throw new ApiException(ErrorCode.CANNOT_BLOCK_SELF, "You cannot block yourself");
        }
        pairLock.lock(meId, target.getId());
        if (blocks.existsByBlockerIdAndBlockedId(meId, target.getId())) {
            return;
        }
        blocks.save(new Block(meId, target.getId(), clock.instant()));
        friendships.deletePair(meId, target.getId());
        requests.cancelPendingBetween(meId, target.getId(), clock.instant());
        events.publishEvent(new RelationChanged(meId, target.getId()));
    }

    /** Idempotent: unblocking someone not blocked changes nothing. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    void unblock(long meId, UUID targetPublicId) {
        User target = users.byPublicId(targetPublicId);
        pairLock.lock(meId, target.getId());
        if (blocks.deleteBlock(meId, target.getId()) > 0) {
            events.publishEvent(new RelationChanged(meId, target.getId()));
        }
    }

    @Transactional(readOnly = true)
    List<UserViews.Public> blockedBy(long meId) {
        List<Block> mine = blocks.findByBlockerIdOrderByCreatedAtDesc(meId);
        Map<Long, User> byId = users.byIds(mine.stream().map(Block::getBlockedId).toList());
        return mine.stream().map(b -> UserViews.Public.of(byId.get(b.getBlockedId()))).toList();
    }
}
