package io.parley.server.friend;

import java.util.Collection;
import java.util.Set;

/**
 * One user's side of the friend graph, as loaded from the database: whom they are friends with, whom they
 * blocked and who blocked them. Immutable, so the graph can hand it to any number of readers.
 */
record UserRelations(Set<Long> friends, Set<Long> blocked, Set<Long> blockedBy) {

    UserRelations(Collection<Long> friends, Collection<Long> blocked, Collection<Long> blockedBy) {
        this(Set.copyOf(friends), Set.copyOf(blocked), Set.copyOf(blockedBy));
    }

    boolean blocksEitherWay(long otherUserId) {
        return blocked.contains(otherUserId) || blockedBy.contains(otherUserId);
    }
}
