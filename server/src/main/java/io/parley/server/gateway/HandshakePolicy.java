package io.parley.server.gateway;

import io.parley.server.auth.AccessTokens;
import io.parley.server.auth.AuthenticatedUser;
import io.parley.server.auth.InvalidTokenException;
import io.parley.server.delivery.CloseCodes;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Who may open the WebSocket, decided from the upgrade request alone: the Origin against the allow list, the
 * access token (Authorization header, or the {@code access_token} query parameter for browsers, which cannot
 * set headers) and the optional {@code device_id}.
 */
@Component
class HandshakePolicy {

    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String BEARER = "Bearer ";
    private static final int ASSIGNED_ID_BYTES = 12;

    private final AccessTokens tokens;
    private final Set<String> allowedOrigins;
    private final SecureRandom random = new SecureRandom();

    HandshakePolicy(AccessTokens tokens, GatewayProperties properties) {
        this.tokens = tokens;
        this.allowedOrigins = Set.copyOf(properties.allowedOrigins());
    }

    /** Native apps send no Origin and are allowed; a browser page only from a listed origin. */
    boolean originAllowed(String origin) {
        return origin == null || allowedOrigins.contains(origin);
    }

    /**
     * @param authorization the Authorization header, or null
     * @param accessToken   the {@code access_token} query parameter, or null; used when there is no bearer header
     * @param deviceId      the {@code device_id} query parameter, or null to have one assigned
     */
    Admission admit(String authorization, String accessToken, String deviceId) {
        AuthenticatedUser user;
        try {
            user = tokens.verify(bearerToken(authorization, accessToken));
        } catch (InvalidTokenException e) {
            return new Admission.Refused(CloseCodes.UNAUTHENTICATED, "unauthenticated");
        }
        if (deviceId == null) {
            return new Admission.Admitted(user, newDeviceId());
        }
        if (!DEVICE_ID.matcher(deviceId).matches()) {
            return new Admission.Refused(CloseCodes.BAD_REQUEST, "device_id must be 1-64 of A-Z a-z 0-9 _ -");
        }
        return new Admission.Admitted(user, deviceId);
    }

    private static String bearerToken(String authorization, String accessToken) {
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).trim();
        }
        return accessToken;
    }

    /** Base64url, so an assigned id matches the same pattern a client's must. */
    private String newDeviceId() {
        byte[] bytes = new byte[ASSIGNED_ID_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
