package io.parley.server.gateway;

import io.parley.server.auth.AuthenticatedUser;

/**
 * What the handshake decided about a WebSocket that is allowed to upgrade. A refusal still upgrades, because a
 * browser can read a close code but not the HTTP status of a failed upgrade.
 */
sealed interface Admission {

    /** The connection belongs to {@code user}'s device {@code deviceId}. */
    record Admitted(AuthenticatedUser user, String deviceId) implements Admission {
    }

    /** Upgrade, then close at once with {@code closeCode}. */
    record Refused(int closeCode, String reason) implements Admission {
    }
}
