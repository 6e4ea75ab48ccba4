package io.parley.server.presence;

import java.time.Instant;

/**
 * Whether a user is online on this node, and otherwise when they were last seen.
 *
 * @param lastSeen when their last device disconnected; null while online, and for a user never seen
 */
public record UserPresence(boolean online, Instant lastSeen) {

    static final UserPresence ONLINE = new UserPresence(true, null);
    static final UserPresence NEVER_SEEN = new UserPresence(false, null);
}
