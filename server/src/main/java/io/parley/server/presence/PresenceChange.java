package io.parley.server.presence;

import java.time.Instant;

/**
 * A user came online (first device connected to this node) or went offline (last device gone).
 *
 * @param userId   internal user id
 * @param publicId the user's public id, as the Presence frame names them
 * @param lastSeen when the last device went; null when {@code online}
 */
record PresenceChange(long userId, String publicId, boolean online, Instant lastSeen) {
}
