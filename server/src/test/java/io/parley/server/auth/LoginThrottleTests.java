package io.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.parley.server.support.MutableClock;
import io.parley.server.web.ApiException;
import io.parley.server.web.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

    private static final Duration WINDOW = Duration.ofMinutes(10);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    private LoginThrottle throttle(int perAccount, int perAddress, int maxKeys) {
        AuthProperties properties = new AuthProperties("", Duration.ofMinutes(15), Duration.ofDays(30), 4,
                new AuthProperties.LoginThrottle(perAccount, perAddress, WINDOW, maxKeys));
        return new LoginThrottle(properties, clock);
    }

    @Test
    void anAccountIsLockedAtItsLimitUntilTheWindowSinceTheFirstFailureEnds() {
        LoginThrottle throttle = throttle(3, 100, 1000);
        throttle.recordFailure("alice", "10.0.0.1");
        clock.advance(Duration.ofMinutes(4));
        throttle.recordFailure("alice", "10.0.0.2");
        assertAllowed(throttle, "alice", "10.0.0.3");
        throttle.recordFailure("alice", "10.0.0.3");

        assertThat(refusal(throttle, "alice", "10.0.0.9").retryAfter()).isEqualTo(Duration.ofMinutes(6));
        assertAllowed(throttle, "bob", "10.0.0.9");

        clock.advance(Duration.ofMinutes(6).minusSeconds(1));
        assertThat(refusal(throttle, "alice", "10.0.0.9").retryAfter()).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertAllowed(throttle, "alice", "10.0.0.9");
    }

    @Test
    void failuresAfterTheWindowStartANewCount() {
        LoginThrottle throttle = throttle(2, 100, 1000);
        throttle.recordFailure("alice", "10.0.0.1");
        clock.advance(WINDOW);
        throttle.recordFailure("alice", "10.0.0.1");
        assertAllowed(throttle, "alice", "10.0.0.1");
        throttle.recordFailure("alice", "10.0.0.1");
        assertThat(refusal(throttle, "alice", "10.0.0.1").retryAfter()).isEqualTo(WINDOW);
    }

    @Test
    void anAddressIsLockedAcrossUsernamesIncludingUnknownOnes() {
        LoginThrottle throttle = throttle(100, 3, 1000);
        throttle.recordFailure("no_such_user_1", "10.0.0.1");
        throttle.recordFailure("no_such_user_2", "10.0.0.1");
        throttle.recordFailure("alice", "10.0.0.1");

        assertThat(refusal(throttle, "someone_else", "10.0.0.1").code()).isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
        assertAllowed(throttle, "alice", "10.0.0.2");
    }

    @Test
    void usernamesDifferingOnlyInCaseShareOneCount() {
        LoginThrottle throttle = throttle(2, 100, 1000);
        throttle.recordFailure("Alice", "10.0.0.1");
        throttle.recordFailure("ALICE", "10.0.0.2");
        refusal(throttle, "alice", "10.0.0.3");
    }

    @Test
    void successClearsTheAccountButNotTheAddress() {
        LoginThrottle throttle = throttle(2, 3, 1000);
        throttle.recordFailure("alice", "10.0.0.1");
        throttle.recordFailure("mallory", "10.0.0.1");
        throttle.recordSuccess("alice");
        throttle.recordFailure("alice", "10.0.0.2");
        assertAllowed(throttle, "alice", "10.0.0.2");

        throttle.recordSuccess("mallory");
        throttle.recordFailure("victim", "10.0.0.1");
        refusal(throttle, "mallory", "10.0.0.1");
    }

    @Test
    void theLongerOfTheTwoLocksIsReported() {
        LoginThrottle throttle = throttle(1, 1, 1000);
        throttle.recordFailure("bob", "10.0.0.1");
        clock.advance(Duration.ofMinutes(3));
        throttle.recordFailure("alice", "10.0.0.2");
        assertThat(refusal(throttle, "alice", "10.0.0.1").retryAfter()).as("account longer").isEqualTo(WINDOW);
        assertThat(refusal(throttle, "bob", "10.0.0.2").retryAfter()).as("address longer").isEqualTo(WINDOW);
        assertThat(refusal(throttle, "bob", "10.0.0.1").retryAfter()).isEqualTo(Duration.ofMinutes(7));
    }

    @Test
    void aFullTableDropsExpiredEntriesFirst() {
        LoginThrottle throttle = throttle(1, 100, 2);
        throttle.recordFailure("old", "10.0.0.1");
        clock.advance(Duration.ofMinutes(1));
        throttle.recordFailure("alice", "10.0.0.1");
        clock.advance(WINDOW.minusMinutes(1));
        throttle.recordFailure("new", "10.0.0.1");   // "old" has expired and makes room: "alice" is kept
        refusal(throttle, "alice", "10.0.0.1");
        refusal(throttle, "new", "10.0.0.1");
    }

    @Test
    void aFullTableForgetsSomeoneRatherThanGrowing() {
        LoginThrottle throttle = throttle(1, 1000, 1);
        throttle.recordFailure("alice", "10.0.0.1");
        refusal(throttle, "alice", "10.0.0.1");
        throttle.recordFailure("bob", "10.0.0.1");
        assertAllowed(throttle, "alice", "10.0.0.1");
        refusal(throttle, "bob", "10.0.0.1");
    }

    private static void assertAllowed(LoginThrottle throttle, String username, String address) {
        assertThatCode(() -> throttle.checkAllowed(username, address)).doesNotThrowAnyException();
    }

    private static ApiException refusal(LoginThrottle throttle, String username, String address) {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> throttle.checkAllowed(username, address));
        assertThat(refused).as("refused " + username + " from " + address).isNotNull();
        assertThat(refused.code()).isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
        return refused;
    }
}
