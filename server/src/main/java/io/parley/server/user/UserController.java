package io.parley.server.user;

import io.parley.server.auth.AuthenticatedUser;
import io.parley.server.web.ApiException;
import io.parley.server.web.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "users", description = "Profiles and user search")
class UserController {

    private final UserRepository users;

    UserController(UserRepository users) {
        this.users = users;
    }

    @GetMapping("/me")
    @Operation(summary = "The caller's own account")
    UserViews.Own me(@AuthenticationPrincipal AuthenticatedUser me) {
        return users.findById(me.id()).map(UserViews.Own::of)
                .orElseThrow(() -> new ApiException(ErrorCode.USER_NOT_FOUND, "The account no longer exists"));
    }
}
