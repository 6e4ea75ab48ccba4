package io.parley.server.group;

import io.parley.server.cache.ReadThroughCache;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Groups and their members from memory, for checks and fan-out on every group message (no database query
 * per message). A group is loaded on first use and kept until a committed change to it evicts it, so a
 * lookup made after a change was committed (on this node) always sees it; a load overlapping a change is
 * not kept (see {@link ReadThroughCache}).
 *
 * <p>A lookup that misses the cache reads the database on a connection of its own; callers on a hot path
 * should ask before opening a transaction. Unknown groups are not cached. Changes made on other nodes are
 * not evicted here: a cluster needs to forward {@link GroupChanged}.
 */
@Component
public class GroupMembership {

    private final GroupSnapshotLoader loader;
    private final ReadThroughCache<String, GroupSnapshot> snapshots;
    private final ReadThroughCache<Long, Set<String>> groupsOfUser;

    GroupMembership(GroupSnapshotLoader loader, GroupProperties properties) {
        this.loader = loader;
        this.snapshots = ReadThroughCache.bounded(properties.cachedGroups());
        this.groupsOfUser = ReadThroughCache.bounded(properties.cachedGroups());
    }

    /**
     * The group with this public id, dissolved or not; empty when there is none (including ids that are not
     * UUIDs, answered without asking the database).
     */
    public Optional<GroupSnapshot> snapshot(String groupUuid) {
        String key = canonical(groupUuid);
        return key == null ? Optional.empty() : Optional.ofNullable(snapshots.get(key, loader::load));
    }

    /**
     * Public ids of the groups the user is a member of, dissolved ones included (their history stays
     * readable); immutable.
     */
    public Set<String> groupIdsOf(long userId) {
        return groupsOfUser.get(userId, loader::groupIdsOf);
    }

    /** Runs before any other after-commit listener, so pushes about a change go out after the cache knows it. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void onGroupChanged(GroupChanged change) {
        snapshots.evict(change.groupUuid());
        change.joinedOrLeft().forEach(groupsOfUser::evict);
    }

    private static String canonical(String groupUuid) {
        if (groupUuid == null) {
            return null;
        }
        try {
            return UUID.fromString(groupUuid).toString();
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }
}
