package io.parley.server.group;

import io.swagger.v3.oas.annotations.media.Schema;
import io.parley.server.auth.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/groups/{id}/members")
@Tag(name = "groups")
class GroupMemberController {

    /** A year: longer mutes are "until unmuted". */
    static final int MAX_MUTE_MINUTES = 525_600;

    /** Body of a mute: minutes, or null (or left out, or no body at all) for a mute until someone lifts it. */
    record Mute(@Min(1) @Max(MAX_MUTE_MINUTES) Integer minutes) {
    }

    /** Body of a role change. The schema leaves OWNER out: the owner changes only by transfer. */
    record RoleChange(@NotNull @Schema(allowableValues = {"ADMIN", "MEMBER"}) GroupRole role) {
    }

    private final GroupMemberService members;

    GroupMemberController(GroupMemberService members) {
        this.members = members;
    }

    @GetMapping
    @Operation(summary = "The group's members (members only)", description = "Owner first, then admins, then "
            + "members, each by joining time; with role, muted / mutedUntil (null while muted means until unmuted) "
            + "online (a device connected) and lastSeen (when the last device left; null while online or never seen). 404 GROUP_NOT_FOUND also when you are not a member.")
    List<GroupViews.Member> list(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        return members.members(me.id(), id);
    }

    @DeleteMapping("/me")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Leave the group", description = "The others and your other devices get MEMBER_LEFT. "
            + "409 OWNER_MUST_TRANSFER for the owner (transfer the group or dissolve it), 403 NOT_GROUP_MEMBER, "
            + "404 GROUP_NOT_FOUND.")
    void leave(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        members.leave(me.id(), id);
    }

    @DeleteMapping("/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a member (owner or admin)", description = "An admin may remove only members, the "
            + "owner anyone but themself. Everyone, the removed member included, gets MEMBER_KICKED. "
            + "403 NOT_GROUP_ADMIN, 403 NOT_GROUP_OWNER (an admin aiming at an admin or the owner), 400 "
            + "CANNOT_TARGET_SELF, 404 NOT_A_MEMBER, 404 GROUP_NOT_FOUND.")
    void kick(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id, @PathVariable UUID userId) {
        members.kick(me.id(), id, userId);
    }

    @PutMapping("/{userId}/mute")
    @Operation(summary = "Mute a member (owner or admin)", description = "For minutes (1-525600), or until unmuted "
            + "when minutes is null or left out or there is no body; replaces an earlier mute. Same rules on whom "
            + "as removing; members get MEMBER_MUTED. 400 VALIDATION_FAILED, 403 NOT_GROUP_ADMIN, 403 "
            + "NOT_GROUP_OWNER, 400 CANNOT_TARGET_SELF, 404 NOT_A_MEMBER, 404 GROUP_NOT_FOUND.")
    GroupViews.Member mute(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id,
            @PathVariable UUID userId, @Valid @RequestBody(required = false) Mute body) {
        return members.mute(me.id(), id, userId, body == null ? null : body.minutes());
    }

    @DeleteMapping("/{userId}/mute")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Lift a member's mute (owner or admin)", description = "Idempotent; members get "
            + "MEMBER_UNMUTED when they were muted. Same refusals as muting.")
    void unmute(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id, @PathVariable UUID userId) {
        members.unmute(me.id(), id, userId);
    }

    @PutMapping("/{userId}/role")
    @Operation(summary = "Make a member an admin or an admin a member (owner)", description = "role ADMIN or "
            + "MEMBER (the owner changes only by transfer). Members get ROLE_CHANGED when it changed. "
            + "400 VALIDATION_FAILED, 403 NOT_GROUP_OWNER, 400 CANNOT_TARGET_SELF, 404 NOT_A_MEMBER, "
            + "404 GROUP_NOT_FOUND.")
    GroupViews.Member role(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id,
            @PathVariable UUID userId, @Valid @RequestBody RoleChange body) {
        return members.changeRole(me.id(), id, userId, body.role());
    }
}
