package io.parley.server.auth;

import io.parley.server.user.UserViews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "auth", description = "Accounts and tokens")
@SecurityRequirements   // none of these needs an access token
class AuthController {

    private final AuthService auth;

    AuthController(AuthService auth) {
        this.auth = auth;
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an account", description = "A username is one name whatever its case: it keeps"
            + " the case it is registered with, and logging in or finding a user by it ignores case."
            + " 409 USERNAME_TAKEN when the username exists, in any case.")
    UserViews.Own register(@Valid @RequestBody AuthRequests.Register request) {
        return auth.register(request);
    }

    @PostMapping("/login")
    @Operation(summary = "Log in", description = "Returns an access token and a refresh token. 401 "
            + "INVALID_CREDENTIALS for a wrong username or password alike; 429 TOO_MANY_ATTEMPTS with Retry-After "
            + "(seconds) after too many failures for the username or from the client address within "
            + "parley.auth.login-throttle.window, whatever the password.")
    SessionTokens login(@Valid @RequestBody AuthRequests.Login request, HttpServletRequest http) {
        return auth.login(request.username(), request.password(), http.getRemoteAddr());
    }

    @PostMapping("/refresh")
    @Operation(summary = "Exchange a refresh token for a new token pair",
            description = "The refresh token sent is revoked. 401 INVALID_REFRESH_TOKEN when it is unknown, expired or revoked.")
    SessionTokens refresh(@Valid @RequestBody AuthRequests.Refresh request) {
        return auth.refresh(request.refreshToken());
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a refresh token", description = "Idempotent.")
    void logout(@Valid @RequestBody AuthRequests.Refresh request) {
        auth.logout(request.refreshToken());
    }
}
