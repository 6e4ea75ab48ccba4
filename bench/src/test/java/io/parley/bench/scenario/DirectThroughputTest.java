package io.parley.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.bench.Options;
import org.junit.jupiter.api.Test;

class DirectThroughputTest {

    @Test
    void thePacedWarmUpDefaultsToThreeSecondsOrTheWarmUpIfShorter() {
        assertThat(DirectThroughput.pacedWarmupSeconds(new Options(), 15, 20)).isEqualTo(3);
        assertThat(DirectThroughput.pacedWarmupSeconds(new Options(), 15, 1)).isEqualTo(1);
    }

    @Test
    void thePacedWarmUpCanBeSet() {
        assertThat(DirectThroughput.pacedWarmupSeconds(new Options("--paced-warmup-seconds=10"), 30, 20)).isEqualTo(10);
    }

    @Test
    void aPacedWarmUpThatLeavesNothingToMeasureIsRefused() {
        assertThatThrownBy(() -> DirectThroughput.pacedWarmupSeconds(new Options("--paced-warmup-seconds=30"), 30, 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("less than paced-seconds (30)");
        assertThatThrownBy(() -> DirectThroughput.pacedWarmupSeconds(new Options("--paced-warmup-seconds=-1"), 30, 20))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLowerPacedRatesAreAQuarterAndAnEighthOfTheMaxUnlessSet() {
        assertThat(DirectThroughput.sweepFractions(new Options())).containsExactly(0.25, 0.125);
        assertThat(DirectThroughput.sweepFractions(new Options("--sweep=0.4, 0.1"))).containsExactly(0.4, 0.1);
        assertThat(DirectThroughput.sweepFractions(new Options("--sweep="))).isEmpty();
    }

    @Test
    void aLowerRateFractionOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> DirectThroughput.sweepFractions(new Options("--sweep=0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 0");
        assertThatThrownBy(() -> DirectThroughput.sweepFractions(new Options("--sweep=1.5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 1.5");
    }
}
