package io.parley.server.message;

/**
 * What sync needs of one of a user's conversations: where it ends and where the user's view of it begins.
 * Read on every sync page, so it leaves out what only a conversation list shows (unread counts, the peer,
 * the read cursor), whose subqueries cost more than the rest of a page.
 *
 * @param lastSeq         the seq of the conversation's newest message, 0 before the first
 * @param visibleFromSeq  the user sees messages after this seq (a group member from their join on)
 */
record SyncPoint(long conversationId, String publicId, long lastSeq, long visibleFromSeq) {
}
