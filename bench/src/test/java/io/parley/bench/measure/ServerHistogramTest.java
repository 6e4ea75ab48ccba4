package io.parley.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerHistogramTest {

    private static String scrape(long upTo1ms, long upTo2ms, long upTo5ms, long all) {
        return """
                # HELP parley_messages_commit_time_seconds Writing one batch
                # TYPE parley_messages_commit_time_seconds histogram
                parley_messages_commit_time_seconds_bucket{le="0.001"} %d
                parley_messages_commit_time_seconds_bucket{le="0.002"} %d
                parley_messages_commit_time_seconds_bucket{le="0.005"} %d
                parley_messages_commit_time_seconds_bucket{le="+Inf"} %d
                parley_messages_commit_time_seconds_count %d
                parley_messages_commit_time_seconds_sum 1.5
                parley_messages_commit_time_seconds_max 0.5
                parley_messages_ack_latency_seconds_bucket{le="0.001"} 999
                parley_messages_ack_latency_seconds_bucket{le="+Inf"} 999
                """.formatted(upTo1ms, upTo2ms, upTo5ms, all, all);
    }

    @Test
    void aPercentileIsTheUpperBoundOfItsBucket() {
        ServerHistogram commits = ServerHistogram.parse(scrape(50, 90, 99, 100), "parley_messages_commit_time_seconds");

        assertThat(commits.count()).isEqualTo(100);
        assertThat(commits.percentileMillis(50)).isEqualTo(1.0);
        assertThat(commits.percentileMillis(51)).isEqualTo(2.0);
        assertThat(commits.percentileMillis(99)).isEqualTo(5.0);
        assertThat(commits.percentileMillis(99.9)).isInfinite();
    }

    @Test
    void aPhaseIsTheDifferenceOfTwoReadings() {
        ServerHistogram before = ServerHistogram.parse(scrape(10, 10, 10, 10), "parley_messages_commit_time_seconds");
        ServerHistogram after = ServerHistogram.parse(scrape(10, 40, 109, 110), "parley_messages_commit_time_seconds");

        ServerHistogram phase = after.since(before);

        assertThat(phase.count()).isEqualTo(100);
        assertThat(phase.percentileMillis(30)).isEqualTo(2.0);
        assertThat(phase.percentileMillis(99)).isEqualTo(5.0);
        assertThat(phase.percentileMillis(100)).isInfinite();
    }

    @Test
    void bucketsOfEveryTagSetAreAddedUp() {
        String text = """
                parley_x_seconds_bucket{node="a",le="0.01"} 3
                parley_x_seconds_bucket{node="a",le="+Inf"} 4
                parley_x_seconds_bucket{le="0.01",node="b"} 5
                parley_x_seconds_bucket{le="+Inf",node="b"} 6
                """;

        ServerHistogram x = ServerHistogram.parse(text, "parley_x_seconds");

        assertThat(x.count()).isEqualTo(10);
        assertThat(x.percentileMillis(80)).isEqualTo(10.0);
        assertThat(x.percentileMillis(81)).isInfinite();
    }

    @Test
    void aHistogramTheServerDoesNotHaveIsEmpty() {
        ServerHistogram missing = ServerHistogram.parse(scrape(1, 2, 3, 4), "parley_nothing_seconds");

        assertThat(missing.count()).isZero();
        assertThat(missing.percentileMillis(99)).isNaN();
        assertThat(missing.since(missing).count()).isZero();
    }
}
