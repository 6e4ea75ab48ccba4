package io.parley.server.auth;

import io.parley.server.user.User;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Request bodies of the auth endpoints, with their limits. {@code @Size(min = 1)} next to {@code @NotBlank} is for
 * the OpenAPI document, which takes minLength from {@code @Size} alone.
 */
final class AuthRequests {

    static final String USERNAME_PATTERN = "^[A-Za-z0-9_]{3,32}$";
    static final String USERNAME_RULE = "3 to 32 letters, digits or underscores";
    static final int MIN_PASSWORD_LENGTH = 8;
    static final int MAX_PASSWORD_LENGTH = 64;
    static final String PASSWORD_RULE = MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH + " characters";

    private AuthRequests() {
    }

    record Register(
            @NotNull @Pattern(regexp = USERNAME_PATTERN, message = USERNAME_RULE) String username,
            @NotNull @Size(min = MIN_PASSWORD_LENGTH, max = MAX_PASSWORD_LENGTH, message = PASSWORD_RULE) String password,
            @NotBlank @Size(min = 1, max = User.MAX_NICKNAME_LENGTH) String nickname,
            @NotBlank @Email @Size(min = 1, max = User.MAX_EMAIL_LENGTH) String email) {
    }

    record Login(
            @NotNull @Size(max = 32) String username,
            @NotNull @Size(max = MAX_PASSWORD_LENGTH) String password) {
    }

    record Refresh(@NotBlank @Size(min = 1, max = 128) String refreshToken) {
    }

    /** {@code refreshToken}: the caller's own session, which stays logged in; every other session is ended. */
    record ChangePassword(
            @NotNull @Size(max = MAX_PASSWORD_LENGTH) String currentPassword,
            @NotNull @Size(min = MIN_PASSWORD_LENGTH, max = MAX_PASSWORD_LENGTH, message = PASSWORD_RULE) String newPassword,
            @Size(max = 128) String refreshToken) {
    }
}
