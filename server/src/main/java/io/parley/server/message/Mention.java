package io.parley.server.message;

/** A user mentioned by the message at (conversationId, seq): one row of message_mentions. */
record Mention(long conversationId, long userId, long seq) {
}
