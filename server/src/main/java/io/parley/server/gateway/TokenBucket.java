package io.parley.server.gateway;

import java.util.concurrent.TimeUnit;

/**
 * A token bucket: {@code burst} frames at once, refilled at {@code perSecond}. One per connection, used only
 * on that connection's event loop, so it needs no locking. Time is passed in (monotonic nanoseconds) to keep
 * it a plain calculation.
 */
final class TokenBucket {

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long lastRefill;

    TokenBucket(int perSecond, int burst, long nowNanos) {
        this.capacity = burst;
        this.tokensPerNano = perSecond / (double) TimeUnit.SECONDS.toNanos(1);
        this.tokens = burst;
        this.lastRefill = nowNanos;
    }

    /** Takes one token if there is one. */
    boolean tryTake(long nowNanos) {
        tokens = Math.min(capacity, tokens + (nowNanos - lastRefill) * tokensPerNano);
        lastRefill = nowNanos;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
