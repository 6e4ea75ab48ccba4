package io.parley.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Issues and verifies the short-lived signed access tokens (JWT, HS256). The REST API (through Spring
 * Security) and the WebSocket gateway verify with the same decoder, so a token means the same on both.
 */
@Component
public class AccessTokens {

    private static final String CLAIM_USER_ID = "uid";
    private static final String CLAIM_USERNAME = "name";

    private final MACSigner signer;
    private final JwtDecoder decoder;
    private final AuthProperties properties;
    private final Clock clock;

    AccessTokens(SigningKeyProvider keys, AuthProperties properties, Clock clock) throws JOSEException {
        this.signer = new MACSigner(keys.key());
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(keys.key()).macAlgorithm(MacAlgorithm.HS256).build();
        // No clock skew: all nodes share one clock source, and "expired" must mean expired. The timestamp
        // validator checks exp only when present, and a token that never expires is not one this server issues.
        JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
        expiry.setClock(clock);
        nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(expiry,
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull)));
        this.decoder = nimbus;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new access token for the user, valid for {@code parley.auth.access-token-ttl}. */
    public IssuedToken issue(AuthenticatedUser user) {
        Instant now = clock.instant();
        Instant expires = now.plus(properties.accessTokenTtl());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(user.uuid())
                .claim(CLAIM_USER_ID, user.id())
                .claim(CLAIM_USERNAME, user.username())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign an access token", e);
        }
        return new IssuedToken(jwt.serialize(), expires);
    }

    /** The user a token belongs to; throws {@link InvalidTokenException} for any token that is not valid now. */
    public AuthenticatedUser verify(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("No access token");
        }
        try {
            return toUser(decoder.decode(token));
        } catch (JwtException | IllegalArgumentException e) {
            throw new InvalidTokenException("Invalid or expired access token");
        }
    }

    JwtDecoder decoder() {
        return decoder;
    }

    static AuthenticatedUser toUser(Jwt jwt) {
        Object id = jwt.getClaim(CLAIM_USER_ID);
        String name = jwt.getClaimAsString(CLAIM_USERNAME);
        if (!(id instanceof Number number) || jwt.getSubject() == null || name == null) {
            throw new InvalidTokenException("Access token lacks its user claims");
        }
        return new AuthenticatedUser(number.longValue(), jwt.getSubject(), name);
    }

    /** A signed token and when it stops being valid. */
    public record IssuedToken(String value, Instant expiresAt) {
    }
}
