package io.parley.bench.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private final SplittableRandom random = new SplittableRandom(7);

    @Test
    void theFirstRetryWaitsBetweenHalfOfAndTheFirstDelay() {
        IntStream.range(0, 1000).mapToLong(i -> RetryBackoff.delayMillis(1, random))
                .forEach(delay -> assertThat(delay).isBetween(10L, 20L));
    }

    @Test
    void eachRefusalOfTheSameMessageDoublesTheCeiling() {
        for (int refusal = 1; refusal <= 7; refusal++) {
            long ceiling = 20L << (refusal - 1);
            int n = refusal;
            IntStream.range(0, 200).mapToLong(i -> RetryBackoff.delayMillis(n, random))
                    .forEach(delay -> assertThat(delay).isBetween(ceiling / 2, ceiling));
        }
    }

    @Test
    void theWaitNeverExceedsTheMaximumHoweverOftenAMessageIsRefused() {
        for (int refusal : new int[] {8, 20, 64, 1_000, Integer.MAX_VALUE}) {
            assertThat(RetryBackoff.delayMillis(refusal, random)).isBetween(1_000L, 2_000L);
        }
    }

    @Test
    void refusedSendersSpreadTheirRetriesOverTheWindow() {
        long distinct = IntStream.range(0, 500).mapToLong(i -> RetryBackoff.delayMillis(6, random)).distinct().count();
        assertThat(distinct).isGreaterThan(100);
    }
}
