package io.parley.server.auth;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the auth endpoints, with their limits. */
final class AuthRequests {

    static final String USERNAME_PATTERN = "^[A-Za-z0-9_]{3,32}$";
    static final String USERNAME_RULE = "3 to 32 letters, digits or underscores";

    private AuthRequests() {
    }

    record Register(
            @NotNull @Pattern(regexp = USERNAME_PATTERN, message = USERNAME_RULE) String username,
            @NotNull @Size(min = 8, max = 64, message = "8 to 64 characters") String password,
            @NotBlank @Size(max = 64, message = "at most 64 characters") String nickname,
            @NotBlank @Email @Size(max = 254, message = "at most 254 characters") String email) {
    }

    record Login(
            @NotNull @Size(max = 32) String username,
            @NotNull @Size(max = 64) String password) {
    }

    record Refresh(@NotBlank @Size(max = 128) String refreshToken) {
    }
}
