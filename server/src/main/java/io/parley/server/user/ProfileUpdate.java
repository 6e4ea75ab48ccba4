package io.parley.server.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PATCH /api/v1/users/me}: a field left out (or null) keeps its value. Values are stripped of
 * surrounding white space before they are validated, so "   " is an empty nickname, not a valid one.
 */
record ProfileUpdate(
        @Size(min = 1, max = User.MAX_NICKNAME_LENGTH) String nickname,
        @Size(min = 1, max = User.MAX_EMAIL_LENGTH) @Email String email) {

    ProfileUpdate {
        nickname = nickname == null ? null : nickname.strip();
        email = email == null ? null : email.strip();
    }
}
