package io.parley.server.friend;

import io.parley.server.presence.UserPresence;
import io.parley.server.user.User;
import io.parley.server.user.UserViews;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** What the friend endpoints answer. */
final class FriendViews {

    private FriendViews() {
    }

    /** A friend request between two users. */
    @Schema(name = "FriendRequest")
    record Request(long id, UserViews.Public from, UserViews.Public to, FriendRequest.Status status,
            Instant createdAt) {

        static Request of(FriendRequest request, User from, User to) {
            return new Request(request.getId(), UserViews.Public.of(from), UserViews.Public.of(to),
                    request.getStatus(), request.getCreatedAt());
        }
    }

    /**
     * A friend: the public fields of the user, whether a device of theirs is connected, when their last device
     * disconnected (null while online or never seen), and since when you are friends.
     */
    record Friend(String id, String username, String nickname, String avatarUrl, boolean online, Instant lastSeen,
            Instant since) {

        static Friend of(User user, UserPresence presence, Instant since) {
            UserViews.Public view = UserViews.Public.of(user);
            return new Friend(view.id(), view.username(), view.nickname(), view.avatarUrl(), presence.online(),
                    presence.lastSeen(), since);
        }
    }
}
