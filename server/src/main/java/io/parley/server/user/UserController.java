package io.parley.server.user;

import io.parley.server.auth.AuthenticatedUser;
import io.parley.server.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "users", description = "Profiles and user search")
class UserController {

    static final int MAX_PAGE_SIZE = 50;
    /** Offset pagination over a substring search gets slow deep down; nobody pages 1000 pages by hand. */
    static final int MAX_PAGE = 1000;

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @GetMapping("/me")
    @Operation(summary = "The caller's own account", description = "404 USER_NOT_FOUND when the account was deleted.")
    UserViews.Own me(@AuthenticationPrincipal AuthenticatedUser me) {
        return users.own(me.id());
    }

    @PatchMapping("/me")
    @Operation(summary = "Change the caller's nickname and/or email",
            description = "Fields left out or null keep their value; values are stripped of surrounding white space. "
                    + "nickname 1-64 characters, email a valid address of at most 254. 400 VALIDATION_FAILED, "
                    + "400 MALFORMED_REQUEST (not JSON, wrong types). Any other field (id, username) is ignored: "
                    + "the account changed is always the token's.")
    UserViews.Own updateMe(@AuthenticationPrincipal AuthenticatedUser me, @Valid @RequestBody ProfileUpdate update) {
        return users.updateProfile(me.id(), update);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A user's public profile (no email)",
            description = "404 USER_NOT_FOUND when no user has this id, including ids that are not UUIDs.")
    UserViews.Public user(@PathVariable String id) {
        return users.publicProfile(id);
    }

    @GetMapping
    @Operation(summary = "Search users by username or nickname",
            description = "Case-insensitive substring match on username or nickname, ordered by username. "
                    + "q: 1-64 characters (stripped); page: 0-1000; size: 1-50. 400 VALIDATION_FAILED outside "
                    + "these bounds, 400 MALFORMED_REQUEST for non-numbers.")
    PageView<UserViews.Public> search(
            @RequestParam(required = false) @NotBlank @Size(min = 1, max = 64) String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return users.search(q.strip(), page, size);
    }
}
