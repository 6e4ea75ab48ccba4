package io.parley.server.friend;

import org.springframework.stereotype.Component;

/** Placeholder replaced by the friends branch on merge. */
@Component
public class FriendGraph {
    public boolean isBlockedEitherWay(long a, long b) {
        return false;
    }

    public boolean mayMessage(long a, long b) {
        return true;
    }
}
