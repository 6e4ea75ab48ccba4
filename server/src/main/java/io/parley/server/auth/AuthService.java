package io.parley.server.auth;

import io.parley.server.user.User;
import io.parley.server.user.UserRepository;
import io.parley.server.user.UserViews;
import io.parley.server.web.ApiException;
import io.parley.server.web.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registration, login (throttled), token refresh, logout and password change. */
@Service
public class AuthService {

    /** bcrypt reads at most 72 bytes; longer passwords would be silently cut, so they are refused instead. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordEncoder passwords;
    private final AccessTokens accessTokens;
    private final AuthProperties properties;
    private final LoginThrottle throttle;
    private final Clock clock;
    /** Checked against when the username is unknown, so a wrong username costs as long as a wrong password. */
    private final String decoyHash;

    AuthService(UserRepository users, RefreshTokenRepository refreshTokens, PasswordEncoder passwords,
            AccessTokens accessTokens, AuthProperties properties, LoginThrottle throttle, Clock clock) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.properties = properties;
        this.throttle = throttle;
        this.clock = clock;
        this.decoyHash = passwords.encode("decoy-password-for-unknown-users");
    }

    @Transactional
    public UserViews.Own register(AuthRequests.Register request) {
        requirePasswordFitsHash("password", request.password());
        if (users.existsByUsername(request.username())) {
            throw usernameTaken(request.username());
        }
        User user = new User(request.username(), request.nickname().strip(), request.email().strip(),
                passwords.encode(request.password()), clock.instant());
        try {
            users.saveAndFlush(user);
        } catch (DataIntegrityViolationException raceWithSameName) {
            throw usernameTaken(request.username());
        }
        return UserViews.Own.of(user);
    }

    /**
     * Checks the password and opens a session. Wrong username and wrong password are the same error. While
     * the username or the client address is throttled the password is not even checked.
     */
    @Transactional
    public SessionTokens login(String username, String password, String clientAddress) {
        throttle.checkAllowed(username, clientAddress);
        User user = users.findByUsername(username).orElse(null);
        String hash = user == null ? decoyHash : user.getPasswordHash();
        if (user == null || !passwordMatches(password, hash)) {
            throttle.recordFailure(username, clientAddress);
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS, "Wrong username or password");
        }
        throttle.recordSuccess(username);
        return openSession(user);
    }

    /** Exchanges a live refresh token for a new pair; the old refresh token stops working (rotation). */
    @Transactional
    public SessionTokens refresh(String refreshToken) {
        RefreshToken stored = refreshTokens.findByTokenHash(RefreshTokenCodec.hash(refreshToken))
                .filter(t -> t.isUsableAt(clock.instant()))
                .orElseThrow(() -> new ApiException(ErrorCode.INVALID_REFRESH_TOKEN,
                        "The refresh token is unknown, expired or revoked"));
        stored.revoke(clock.instant());
        User user = users.findById(stored.getUserId())
                .orElseThrow(() -> new ApiException(ErrorCode.INVALID_REFRESH_TOKEN, "The account no longer exists"));
        return openSession(user);
    }

    /** Revokes the refresh token. Logging out twice, or with an unknown token, is not an error. */
    @Transactional
    public void logout(String refreshToken) {
        refreshTokens.findByTokenHash(RefreshTokenCodec.hash(refreshToken)).ifPresent(t -> t.revoke(clock.instant()));
    }

    /** Revokes every refresh token of the user except {@code keepRefreshToken} (null revokes all). */
    @Transactional
    public void revokeOtherSessions(long userId, String keepRefreshToken) {
        String keepHash = keepRefreshToken == null ? null : RefreshTokenCodec.hash(keepRefreshToken);
        refreshTokens.revokeAllOfUserExcept(userId, keepHash, clock.instant());
    }

    /**
     * Replaces the password after checking the current one, and ends every other session (their refresh tokens;
     * access tokens already issued live out their short lifetime). A wrong current password counts as a failed
     * login, so a stolen access token cannot be used to guess the password either.
     */
    @Transactional
    public void changePassword(long userId, AuthRequests.ChangePassword request, String clientAddress) {
        User user = users.findById(userId)
                .orElseThrow(() -> new ApiException(ErrorCode.USER_NOT_FOUND, "The account no longer exists"));
        throttle.checkAllowed(user.getUsername(), clientAddress);
        if (!passwordMatches(request.currentPassword(), user.getPasswordHash())) {
            throttle.recordFailure(user.getUsername(), clientAddress);
            throw new ApiException(ErrorCode.WRONG_PASSWORD, "The current password is wrong");
        }
        requirePasswordFitsHash("newPassword", request.newPassword());
        user.changePasswordHash(passwords.encode(request.newPassword()), clock.instant());
        revokeOtherSessions(userId, request.refreshToken());
    }

    /** {@code field}: the name the password has in the request body, for the VALIDATION_FAILED. */
    private static void requirePasswordFitsHash(String field, String password) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw ApiException.invalid("longer than " + MAX_PASSWORD_BYTES + " bytes of UTF-8", field);
        }
    }

    private boolean passwordMatches(String password, String hash) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES && passwords.matches(password, hash);
    }

    private SessionTokens openSession(User user) {
        Instant now = clock.instant();
        AccessTokens.IssuedToken access = accessTokens.issue(
                new AuthenticatedUser(user.getId(), user.getUuid(), user.getUsername()));
        String refresh = RefreshTokenCodec.newToken();
        Instant refreshExpires = now.plus(properties.refreshTokenTtl());
        refreshTokens.save(new RefreshToken(user.getId(), RefreshTokenCodec.hash(refresh), now, refreshExpires));
        return new SessionTokens("Bearer", access.value(), access.expiresAt(), refresh, refreshExpires,
                UserViews.Own.of(user));
    }

    private static ApiException usernameTaken(String username) {
        return new ApiException(ErrorCode.USERNAME_TAKEN, "The username '" + username + "' is taken");
    }
}
