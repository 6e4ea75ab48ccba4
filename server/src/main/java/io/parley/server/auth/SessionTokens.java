package io.parley.server.auth;

import io.parley.server.user.UserViews;
import java.time.Instant;

/** What login and refresh return: a fresh token pair and the account it belongs to. */
public record SessionTokens(String tokenType, String accessToken, Instant accessTokenExpiresAt, String refreshToken,
        Instant refreshTokenExpiresAt, UserViews.Own user) {
}
