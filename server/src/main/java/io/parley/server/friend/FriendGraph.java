package io.parley.server.friend;

import io.parley.server.cache.ReadThroughCache;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Who is friends with whom and who blocked whom, served from memory for checks on every message. A user's
 * relations are loaded from the database on first use and kept until a committed change involving them
 * evicts them, so a check made after a change was committed (on this node) always sees it.
 *
 * <p>Ids are the internal user ids ({@code AuthenticatedUser.id()}). A lookup that misses the cache reads
 * the database on a connection of its own; callers on a hot path should ask before opening a transaction.
 * Entries of other nodes' changes are not evicted here: a cluster needs to forward {@link RelationChanged}.
 */
@Component
public class FriendGraph {

    private final UserRelationsLoader loader;
    private final FriendProperties properties;
    /** A load overlapping a change's eviction is returned but not kept: see {@link ReadThroughCache}. */
    private final ReadThroughCache<Long, UserRelations> byUser = ReadThroughCache.unbounded();

    FriendGraph(UserRelationsLoader loader, FriendProperties properties) {
        this.loader = loader;
        this.properties = properties;
    }

    public boolean areFriends(long userId, long otherUserId) {
        return relationsOf(userId).friends().contains(otherUserId);
    }

    /** True when either user has blocked the other. */
    public boolean isBlockedEitherWay(long userId, long otherUserId) {
        return relationsOf(userId).blocksEitherWay(otherUserId);
    }

    /** The user's friends' ids; an immutable set. */
    public Set<Long> friendsOf(long userId) {
        return relationsOf(userId).friends();
    }

    /**
     * Whether {@code senderId} may send a 1:1 message to {@code recipientId}: never when either blocked the
     * other; otherwise when they are friends, or when {@code parley.friends.allow-messages-from-strangers} is
     * on. A user is not their own friend, so messaging yourself follows the strangers setting.
     */
    public boolean mayMessage(long senderId, long recipientId) {
        UserRelations sender = relationsOf(senderId);
        return !sender.blocksEitherWay(recipientId)
                && (properties.allowMessagesFromStrangers() || sender.friends().contains(recipientId));
    }

    /** Runs before any other after-commit listener, so pushes about a change go out after the graph knows it. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void onRelationChanged(RelationChanged change) {
        evict(change.userId(), change.otherUserId());
    }

    void evict(long userId, long otherUserId) {
        byUser.evict(userId);
        byUser.evict(otherUserId);
    }

    private UserRelations relationsOf(long userId) {
        return byUser.get(userId, loader::load);
    }
}
