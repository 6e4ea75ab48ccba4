package io.parley.server.group;

import io.parley.server.auth.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/groups/{id}")
@Tag(name = "groups")
class GroupJoinController {

    /** Body of an invitation. */
    record Invitation(@NotNull UUID userId) {
    }

    private final GroupJoinService joins;

    GroupJoinController(GroupJoinService joins) {
        this.joins = joins;
    }

    @PostMapping("/join")
    @Operation(summary = "Join the group", description = "With a pending invitation to you, accepts it (any "
            + "policy). Otherwise OPEN: you are a member now (200, request null; everyone gets MEMBER_JOINED); "
            + "APPROVAL: a join request is made (202, request set; the owner and admins get JOIN_REQUESTED); "
            + "INVITE_ONLY: 403 INVITE_ONLY. 403 BANNED_FROM_GROUP (under every policy, invited or not), 409 "
            + "ALREADY_MEMBER, 409 REQUEST_ALREADY_PENDING, 409 GROUP_FULL, 404 GROUP_NOT_FOUND.")
    @ApiResponse(responseCode = "200", description = "You are a member now (request is null)")
    @ApiResponse(responseCode = "202", description = "A join request was made (APPROVAL group; request is set)")
    ResponseEntity<GroupViews.JoinOutcome> join(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        GroupViews.JoinOutcome outcome = joins.join(me.id(), id);
        return ResponseEntity.status(outcome.request() == null ? HttpStatus.OK : HttpStatus.ACCEPTED).body(outcome);
    }

    @GetMapping("/requests")
    @Operation(summary = "Pending join requests (owner or admin)", description = "Oldest first. 403 NOT_GROUP_ADMIN, "
            + "404 GROUP_NOT_FOUND.")
    List<GroupViews.Request> requests(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        return joins.pendingRequests(me.id(), id);
    }

    @PostMapping("/requests/{requestId}/approve")
    @Operation(summary = "Approve a join request (owner or admin)", description = "The requester becomes a member; "
            + "everyone, them included, gets MEMBER_JOINED. 404 JOIN_REQUEST_NOT_FOUND (no such request to this "
            + "group), 409 REQUEST_NOT_PENDING, 409 GROUP_FULL, 403 NOT_GROUP_ADMIN, 404 GROUP_NOT_FOUND.")
    GroupViews.Request approve(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id,
            @PathVariable long requestId) {
        return joins.approve(me.id(), id, requestId);
    }

    @PostMapping("/requests/{requestId}/reject")
    @Operation(summary = "Reject a join request (owner or admin)", description = "The requester gets JOIN_REJECTED "
            + "and may ask again. 404 JOIN_REQUEST_NOT_FOUND, 409 REQUEST_NOT_PENDING, 403 NOT_GROUP_ADMIN, "
            + "404 GROUP_NOT_FOUND.")
    GroupViews.Request reject(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id,
            @PathVariable long requestId) {
        return joins.reject(me.id(), id, requestId);
    }

    @PostMapping("/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Invite a friend (any member)", description = "Works under every join policy; the invitee "
            + "gets INVITED and answers at /api/v1/group-invitations. 403 NOT_GROUP_MEMBER, 404 USER_NOT_FOUND, "
            + "404 NOT_FRIENDS, 409 ALREADY_MEMBER, 403 BANNED_FROM_GROUP (the friend is banned from the group), 409 "
            + "ALREADY_INVITED, 404 GROUP_NOT_FOUND.")
    GroupViews.Request invite(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id,
            @Valid @RequestBody Invitation body) {
        return joins.invite(me.id(), id, body.userId());
    }
}
