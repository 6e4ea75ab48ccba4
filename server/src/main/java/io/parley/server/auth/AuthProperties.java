package io.parley.server.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token and login settings ({@code parley.auth.*}).
 *
 * @param signingKey       base64 HMAC key for access tokens; blank means generate one and keep it in the data dir.
 *                         Never logged.
 * @param accessTokenTtl   lifetime of an access token (short: revocation is by refresh token)
 * @param refreshTokenTtl  lifetime of a refresh token
 * @param bcryptStrength   log2 rounds of bcrypt
 * @param loginThrottle    limits on failed logins
 */
@ConfigurationProperties("parley.auth")
public record AuthProperties(
        @DefaultValue("") String signingKey,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl,
        @DefaultValue("10") int bcryptStrength,
        @DefaultValue LoginThrottle loginThrottle) {

    /**
     * @param maxFailuresPerAccount failed logins for one username within {@code window} before it is refused
     * @param maxFailuresPerAddress failed logins from one client address within {@code window} before it is refused
     * @param window                how long failures are remembered, from the first one of a username or address
     * @param maxTrackedKeys        usernames (and, separately, addresses) remembered at once; bounds the memory a
     *                              flood of made-up usernames can take
     */
    public record LoginThrottle(
            @DefaultValue("5") int maxFailuresPerAccount,
            @DefaultValue("20") int maxFailuresPerAddress,
            @DefaultValue("15m") Duration window,
            @DefaultValue("100000") int maxTrackedKeys) {
    }

    @Override
    public String toString() {
        return "AuthProperties[signingKey=<hidden>, accessTokenTtl=" + accessTokenTtl + ", refreshTokenTtl="
                + refreshTokenTtl + ", bcryptStrength=" + bcryptStrength + ", loginThrottle=" + loginThrottle + "]";
    }
}
