package io.parley.server.friend;

import io.parley.server.auth.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/friends")
@Tag(name = "friends")
class FriendController {

    private final FriendService friends;

    FriendController(FriendService friends) {
        this.friends = friends;
    }

    @GetMapping
    @Operation(summary = "Your friends", description = "Sorted by username; online is true while a device of "
            + "theirs is connected; lastSeen is when their last device disconnected (null while online or never "
            + "seen); since is when you became friends. Changes of online come as Presence frames.")
    List<FriendViews.Friend> list(@AuthenticationPrincipal AuthenticatedUser me) {
        return friends.friendsOf(me.id());
    }

    @DeleteMapping("/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "End a friendship", description = "userId is the friend's public id (a UUID). Their "
            + "devices get FRIEND_REMOVED. 400 MALFORMED_REQUEST when userId is not a UUID, 404 USER_NOT_FOUND "
            + "when no user has it, 404 NOT_FRIENDS when you are not friends.")
    void remove(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID userId) {
        friends.remove(me.id(), userId);
    }
}
