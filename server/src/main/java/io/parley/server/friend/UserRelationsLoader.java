package io.parley.server.friend;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Reads one user's friends and blocks for {@link FriendGraph}. */
@Component
class UserRelationsLoader {

    private final FriendshipRepository friendships;
    private final BlockRepository blocks;

    UserRelationsLoader(FriendshipRepository friendships, BlockRepository blocks) {
        this.friendships = friendships;
        this.blocks = blocks;
    }

    /**
     * Runs in a transaction of its own: a caller's transaction may hold a snapshot older than the latest
     * commit (MariaDB's REPEATABLE READ), and what is loaded here gets cached for everyone.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    UserRelations load(long userId) {
        return new UserRelations(friendships.friendIdsOf(userId), blocks.blockedBy(userId), blocks.blockersOf(userId));
    }
}
