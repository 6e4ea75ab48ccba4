package io.parley.server.group;

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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/groups/{id}/bans")
@Tag(name = "groups")
class GroupBanController {

    private final GroupBanService bans;

    GroupBanController(GroupBanService bans) {
        this.bans = bans;
    }

    @GetMapping
    @Operation(summary = "The users banned from the group (owner or admin)", description = "The latest ban first, "
            + "each with user, bannedBy and bannedAt. 403 NOT_GROUP_ADMIN, 404 GROUP_NOT_FOUND.")
    List<GroupViews.Ban> list(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        return bans.banned(me.id(), id);
    }

    @PutMapping("/{userId}")
    @Operation(summary = "Ban a user from the group (owner or admin)", description = "A member is removed first, "
            + "under the same rules as removing (an admin may ban only members, the owner anyone but themself); a "
            + "user who is not a member can be banned too. The user's pending join request and invitations to the "
            + "group are withdrawn (answering one then gives 409 REQUEST_NOT_PENDING), and until the ban is lifted "
            + "joining, asking to join and being invited are refused with 403 BANNED_FROM_GROUP. Every member, and the banned user when they "
            + "were one, gets MEMBER_BANNED. Banning a banned user changes nothing and answers the existing ban. "
            + "403 NOT_GROUP_ADMIN, 403 NOT_GROUP_OWNER (an admin aiming at an admin or the owner), 400 "
            + "CANNOT_TARGET_SELF, 404 USER_NOT_FOUND, 404 GROUP_NOT_FOUND.")
    GroupViews.Ban ban(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id, @PathVariable UUID userId) {
        return bans.ban(me.id(), id, userId);
    }

    @DeleteMapping("/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Lift a ban (owner or admin)", description = "The user may join again (they are not added "
            + "back). Idempotent; pushes nothing. 403 NOT_GROUP_ADMIN, 404 USER_NOT_FOUND, 404 GROUP_NOT_FOUND.")
    void unban(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id, @PathVariable UUID userId) {
        bans.unban(me.id(), id, userId);
    }
}
