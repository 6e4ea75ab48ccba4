package io.parley.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void burstThenRefillAtTheRate() {
        TokenBucket bucket = new TokenBucket(10, 3, 0);

        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).as("burst used up").isFalse();
        assertThat(bucket.tryTake(SECOND / 20)).as("half a token later").isFalse();
        assertThat(bucket.tryTake(SECOND / 10)).as("one token later").isTrue();
        assertThat(bucket.tryTake(SECOND / 10)).isFalse();
    }

    @Test
    void neverHoldsMoreThanTheBurst() {
        TokenBucket bucket = new TokenBucket(10, 2, 0);

        long hourLater = 3600 * SECOND;
        assertThat(bucket.tryTake(hourLater)).isTrue();
        assertThat(bucket.tryTake(hourLater)).isTrue();
        assertThat(bucket.tryTake(hourLater)).isFalse();
    }
}
