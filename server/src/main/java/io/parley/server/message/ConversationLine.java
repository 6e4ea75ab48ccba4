package io.parley.server.message;

import io.parley.server.user.UserCard;

/**
 * One line of a user's conversation list, with everything needed to draw it.
 *
 * @param peer       the other party of a 1:1 conversation, or null
 * @param group      the group of a group conversation, or null
 * @param last       the newest message the user may see, or null before the first
 * @param lastSender who sent {@code last}, or null
 */
record ConversationLine(Membership membership, UserCard peer, GroupCard group, StoredMessage last, UserCard lastSender) {

    /** What a conversation list shows of a group. */
    record GroupCard(String id, String name, String avatarUrl, String notice, boolean dissolved) {
    }
}
