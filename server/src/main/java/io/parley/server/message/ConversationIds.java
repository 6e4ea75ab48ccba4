package io.parley.server.message;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Public conversation ids. A 1:1 conversation is {@code d:<uuid>:<uuid>} with the two user ids in ascending
 * order, so both parties (and their clients) can name it before it has a single message.
 */
public final class ConversationIds {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String DIRECT_PREFIX = "d:";

    private ConversationIds() {
    }

    public static boolean isUserId(String value) {
        return value != null && UUID.matcher(value).matches();
    }

    public static String direct(String userA, String userB) {
        return userA.compareTo(userB) <= 0
                ? DIRECT_PREFIX + userA + ":" + userB
                : DIRECT_PREFIX + userB + ":" + userA;
    }

    /** The two user ids of a well-formed 1:1 conversation id. */
    public static Optional<String[]> directParties(String conversationId) {
        if (conversationId == null || !conversationId.startsWith(DIRECT_PREFIX)) {
            return Optional.empty();
        }
        String[] parts = conversationId.substring(DIRECT_PREFIX.length()).split(":", -1);
        if (parts.length != 2 || !isUserId(parts[0]) || !isUserId(parts[1]) || parts[0].compareTo(parts[1]) > 0) {
            return Optional.empty();
        }
        return Optional.of(parts);
    }
}
