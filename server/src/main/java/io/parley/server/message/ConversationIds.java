package io.parley.server.message;

import java.util.Optional;

/**
 * Public conversation ids. A 1:1 conversation is {@code d:<uuid>:<uuid>} with the two user ids in ascending
 * order, so both parties (and their clients) can name it before it has a single message.
 */
public final class ConversationIds {

    private static final int UUID_LENGTH = 36;
    private static final String DIRECT_PREFIX = "d:";

    private ConversationIds() {
    }

    /**
     * True for a user id as the server writes it: a lower-case UUID, {@code 8-4-4-4-12} hex digits. Checked
     * by hand rather than by a regular expression because every message's conversation id is checked.
     */
    public static boolean isUserId(String value) {
        if (value == null || value.length() != UUID_LENGTH) {
            return false;
        }
        for (int i = 0; i < UUID_LENGTH; i++) {
            char c = value.charAt(i);
            boolean valid = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-' : c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
            if (!valid) {
                return false;
            }
        }
        return true;
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
