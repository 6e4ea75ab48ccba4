package io.parley.server.friend;

/**
 * Published inside a transaction that changed a friendship or a block between two users; once it commits,
 * {@link FriendGraph} forgets what it knew about both.
 */
record RelationChanged(long userId, long otherUserId) {
}
