package io.parley.server.auth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The password lives with the account, so its URL is under users/me; checking and hashing it is auth's job. */
@RestController
@Tag(name = "users", description = "Profiles and user search")
class PasswordController {

    private final AuthService auth;

    PasswordController(AuthService auth) {
        this.auth = auth;
    }

    @PutMapping("/api/v1/users/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change the caller's password",
            description = "Needs the current password (403 WRONG_PASSWORD otherwise; wrong attempts count towards "
                    + "the login throttle: 429 TOO_MANY_ATTEMPTS). newPassword: 8-64 characters and at most 72 "
                    + "bytes of UTF-8 (400 VALIDATION_FAILED). Every refresh token of the account is revoked except "
                    + "refreshToken, if given (the caller's own session); issued access tokens expire by themselves.")
    void changePassword(@AuthenticationPrincipal AuthenticatedUser me,
            @Valid @RequestBody AuthRequests.ChangePassword request, HttpServletRequest http) {
        auth.changePassword(me.id(), request, http.getRemoteAddr());
    }
}
