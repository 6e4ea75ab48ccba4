package io.parley.bench.traffic;

import java.util.SplittableRandom;

/**
 * How long a device waits before sending a refused message again: 20 ms doubled with each refusal of that
 * message, at most 2 s, and a random half of it (jitter), so that senders refused together do not come back
 * together. A fixed short delay turns a moment of overload into a storm of retries that keeps the server
 * overloaded: every unacked message of every device comes back every few milliseconds.
 */
final class RetryBackoff {

    private static final long FIRST_MILLIS = 20;
    private static final long MAX_MILLIS = 2_000;

    private RetryBackoff() {
    }

    /** The wait before the retry that follows the {@code refusal}-th refusal (1 for the first). */
    static long delayMillis(int refusal, SplittableRandom random) {
        long ceiling = Math.min(MAX_MILLIS, FIRST_MILLIS << Math.min(Math.max(refusal, 1) - 1, 20));
        return ceiling / 2 + random.nextLong(ceiling / 2 + 1);
    }
}
