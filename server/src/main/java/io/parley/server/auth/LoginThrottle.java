package io.parley.server.auth;

import io.parley.server.web.ApiException;
import io.parley.server.web.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: counts failed password checks per username and per client address, and
 * once either has reached its limit within {@code parley.auth.login-throttle.window} (counted from its first
 * failure), refuses further attempts with 429 TOO_MANY_ATTEMPTS before any password is checked, so a locked
 * account cannot be guessed at even slowly. Unknown usernames are counted like real ones, so the throttle does
 * not tell which accounts exist. A correct password clears its account's count, not its address's: otherwise
 * an attacker could reset their address by logging into an account of their own.
 *
 * <p>The client address is the TCP peer. Behind a reverse proxy that is the proxy, so every client shares one
 * address count; only set {@code server.forward-headers-strategy} when the proxy is trusted to overwrite
 * X-Forwarded-For, because a client can write anything there.
 *
 * <p>In memory, per node. Each table holds at most {@code max-tracked-keys} entries: expired ones are dropped
 * first, then arbitrary ones, so a flood of made-up usernames costs bounded memory (and a bcrypt check each).
 */
@Component
class LoginThrottle {

    private final Counts accounts;
    private final Counts addresses;
    private final Clock clock;

    LoginThrottle(AuthProperties properties, Clock clock) {
        AuthProperties.LoginThrottle settings = properties.loginThrottle();
        this.accounts = new Counts(settings.maxFailuresPerAccount(), settings.window(), settings.maxTrackedKeys());
        this.addresses = new Counts(settings.maxFailuresPerAddress(), settings.window(), settings.maxTrackedKeys());
        this.clock = clock;
    }

    /** Throws 429 TOO_MANY_ATTEMPTS, with how long to wait, when the account or the address is locked. */
    void checkAllowed(String username, String address) {
        Instant now = clock.instant();
        Duration wait = max(accounts.lockedFor(accountKey(username), now), addresses.lockedFor(address, now));
        if (!wait.isZero()) {
            throw new ApiException(ErrorCode.TOO_MANY_ATTEMPTS, "Too many failed attempts; try again later", wait);
        }
    }

    void recordFailure(String username, String address) {
        Instant now = clock.instant();
        accounts.add(accountKey(username), now);
        addresses.add(address, now);
    }

    void recordSuccess(String username) {
        accounts.clear(accountKey(username));
    }

    /** Case folded: the MariaDB collation finds "Alice" for "alice", so both must share one count. */
    private static String accountKey(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Failures per key in a fixed window that opens at the key's first failure. */
    private static final class Counts {

        private record Window(Instant end, int failures) {
        }

        private final Map<String, Window> windows = new ConcurrentHashMap<>();
        private final int limit;
        private final Duration length;
        private final int maxKeys;

        Counts(int limit, Duration length, int maxKeys) {
            this.limit = limit;
            this.length = length;
            this.maxKeys = maxKeys;
        }

        Duration lockedFor(String key, Instant now) {
            Window window = windows.get(key);
            if (window == null) {
                return Duration.ZERO;
            }
            if (!now.isBefore(window.end())) {
                windows.remove(key, window);
                return Duration.ZERO;
            }
            return window.failures() >= limit ? Duration.between(now, window.end()) : Duration.ZERO;
        }

        void add(String key, Instant now) {
            if (!windows.containsKey(key) && windows.size() >= maxKeys) {
                makeRoom(now);
            }
            windows.compute(key, (k, window) -> window == null || !now.isBefore(window.end())
                    ? new Window(now.plus(length), 1)
                    : new Window(window.end(), window.failures() + 1));
        }

        void clear(String key) {
            windows.remove(key);
        }

        private void makeRoom(Instant now) {
            windows.values().removeIf(window -> !now.isBefore(window.end()));
            Iterator<String> keys = windows.keySet().iterator();
            while (windows.size() >= maxKeys && keys.hasNext()) {
                keys.next();
                keys.remove();
            }
        }
    }
}
