package io.parley.server.user;

import java.time.Instant;

/** What the API shows of a user: {@link Own} to themselves, {@link Public} to everyone else. */
public final class UserViews {

    private UserViews() {
    }

    /** The caller's own account. */
    public record Own(String id, String username, String nickname, String email, String avatarUrl,
            Instant createdAt) {

        public static Own of(User user) {
            return new Own(user.getUuid(), user.getUsername(), user.getNickname(), user.getEmail(),
                    UserViews.avatarUrl(user), user.getCreatedAt());
        }
    }

    /** Another user: no email. */
    public record Public(String id, String username, String nickname, String avatarUrl) {

        public static Public of(User user) {
            return new Public(user.getUuid(), user.getUsername(), user.getNickname(), UserViews.avatarUrl(user));
        }
    }

    /** Where a user's avatar image is served, or null when they have none. */
    public static String avatarUrl(User user) {
        return user.getAvatar() == null ? null : "/api/v1/users/" + user.getUuid() + "/avatar";
    }
}
