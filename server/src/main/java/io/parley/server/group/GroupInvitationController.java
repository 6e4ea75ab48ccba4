package io.parley.server.group;

import io.parley.server.auth.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/group-invitations")
@Tag(name = "groups")
class GroupInvitationController {

    private final GroupJoinService joins;

    GroupInvitationController(GroupJoinService joins) {
        this.joins = joins;
    }

    @GetMapping
    @Operation(summary = "Your pending group invitations", description = "Newest first.")
    List<GroupViews.Request> mine(@AuthenticationPrincipal AuthenticatedUser me) {
        return joins.myInvitations(me.id());
    }

    @PostMapping("/{requestId}/accept")
    @Operation(summary = "Accept an invitation", description = "You become a member; everyone, you included, gets "
            + "MEMBER_JOINED. 404 INVITATION_NOT_FOUND (no such invitation to you), 409 REQUEST_NOT_PENDING, "
            + "409 GROUP_FULL, 404 GROUP_NOT_FOUND.")
    GroupViews.Request accept(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long requestId) {
        return joins.accept(me.id(), requestId);
    }

    @PostMapping("/{requestId}/reject")
    @Operation(summary = "Decline an invitation", description = "Nobody is told. 404 INVITATION_NOT_FOUND, "
            + "409 REQUEST_NOT_PENDING, 404 GROUP_NOT_FOUND.")
    GroupViews.Request reject(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long requestId) {
        return joins.decline(me.id(), requestId);
    }
}
