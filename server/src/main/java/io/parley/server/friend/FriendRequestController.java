package io.parley.server.friend;

import io.parley.server.auth.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/friend-requests")
@Tag(name = "friends", description = "Friend requests, friends and blocks. Request ids are numbers: one that "
        + "is not a number is 400 MALFORMED_REQUEST. Every endpoint needs a token (401 UNAUTHENTICATED).")
class FriendRequestController {

    /** Body of a new friend request. */
    record SendRequest(@NotBlank @Size(min = 1, max = 32, message = "1 to 32 characters") String username) {
    }

    private final FriendRequestService requests;

    FriendRequestController(FriendRequestService requests) {
        this.requests = requests;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask a user to be your friend", description = "Returns the new PENDING request; the "
            + "user's devices get a REQUEST_RECEIVED push. If that user had already asked you, their request is "
            + "accepted instead and returned (status ACCEPTED, from = them): you are now friends. Refusals: 404 "
            + "USER_NOT_FOUND, 400 CANNOT_BEFRIEND_SELF, 409 ALREADY_FRIENDS, 409 REQUEST_ALREADY_PENDING, 403 BLOCKED "
            + "(whichever of you blocked the other), 400 VALIDATION_FAILED / MALFORMED_REQUEST for a bad body.")
    FriendViews.Request send(@AuthenticationPrincipal AuthenticatedUser me, @Valid @RequestBody SendRequest body) {
        return requests.send(me.id(), body.username());
    }

    @GetMapping
    @Operation(summary = "Pending friend requests", description = "direction=incoming: sent to you; "
            + "direction=outgoing: sent by you. Newest first. 400 VALIDATION_FAILED for another direction, "
            + "400 MALFORMED_REQUEST when it is missing.")
    List<FriendViews.Request> pending(@AuthenticationPrincipal AuthenticatedUser me,
            @Parameter(description = "incoming or outgoing") @RequestParam
            @Pattern(regexp = "incoming|outgoing", message = "incoming or outgoing") String direction) {
        return requests.pending(me.id(), FriendRequestService.Direction.valueOf(direction.toUpperCase(Locale.ROOT)));
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "Accept a request sent to you", description = "You become friends; the sender's devices "
            + "get REQUEST_ACCEPTED. 404 FRIEND_REQUEST_NOT_FOUND when there is no such request sent to you, "
            + "409 REQUEST_NOT_PENDING when it was already answered or withdrawn.")
    FriendViews.Request accept(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long id) {
        return requests.accept(me.id(), id);
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Reject a request sent to you", description = "The sender's devices get REQUEST_REJECTED. "
            + "404 FRIEND_REQUEST_NOT_FOUND when there is no such request sent to you, 409 REQUEST_NOT_PENDING "
            + "when it was already answered or withdrawn.")
    FriendViews.Request reject(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long id) {
        return requests.reject(me.id(), id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Withdraw a request you sent", description = "The recipient's devices get "
            + "REQUEST_CANCELLED. 404 FRIEND_REQUEST_NOT_FOUND when there is no such request sent by you, "
            + "409 REQUEST_NOT_PENDING when it was already answered or withdrawn.")
    void cancel(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long id) {
        requests.cancel(me.id(), id);
    }
}
