package io.parley.server.group;

import io.parley.protocol.GroupEvent;

/**
 * Published inside the transaction that changed a group; pushed as a {@code GroupEvent} frame to every
 * connected device of {@code recipientIds} (internal user ids) once it commits.
 */
record GroupNotice(long[] recipientIds, GroupEvent event) {
}
