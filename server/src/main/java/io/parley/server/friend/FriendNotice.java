package io.parley.server.friend;

import io.parley.protocol.FriendEvent;
import io.parley.server.user.UserViews;

/**
 * Published inside the transaction that changed a request or friendship; pushed to the recipient's devices
 * as a {@code FriendEvent} once it commits.
 *
 * @param recipientId internal id of the user to tell
 * @param requestId   the request concerned, 0 when none
 * @param actor       the user whose action it was
 */
record FriendNotice(long recipientId, FriendEvent.Type type, long requestId, UserViews.Public actor) {
}
