package io.parley.server.message;

import io.parley.server.user.UserCard;

/**
 * One line of a user's conversation list, with everything needed to draw it.
 *
 * @param peer           the other party of a 1:1 conversation
 * @param last           the newest message, or null before the first
 * @param lastSender     who sent {@code last}, or null
 */
record ConversationLine(Membership membership, UserCard peer, StoredMessage last, UserCard lastSender) {
}
