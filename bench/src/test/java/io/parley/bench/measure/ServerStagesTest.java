package io.parley.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class ServerStagesTest {

    /** A scrape as the server's Prometheus endpoint gives it, with one bucket below 1 ms per histogram. */
    private static String scrape(long sendsUnder1ms, long sends, long youngPauses, double youngPausedSeconds) {
        StringBuilder s = new StringBuilder();
        for (String name : new String[] {ServerStages.QUEUE_WAIT, ServerStages.COMMIT_TIME, ServerStages.OUTBOX_WAIT,
                ServerStages.HANDOFF_WAIT, ServerStages.ACK_LATENCY}) {
            s.append("# TYPE ").append(name).append(" histogram\n")
                    .append(name).append("_bucket{le=\"0.001\"} ").append(sendsUnder1ms).append('\n')
                    .append(name).append("_bucket{le=\"0.01\"} ").append(sends).append('\n')
                    .append(name).append("_bucket{le=\"+Inf\"} ").append(sends).append('\n')
                    .append(name).append("_count ").append(sends).append('\n');
        }
        return s + """
                # TYPE jvm_gc_pause_seconds summary
                jvm_gc_pause_seconds_count{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} %d
                jvm_gc_pause_seconds_sum{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} %s
                jvm_gc_pause_seconds_count{action="end of minor GC",cause="Metadata GC Threshold",gc="G1 Young Generation"} 1
                jvm_gc_pause_seconds_sum{action="end of minor GC",cause="Metadata GC Threshold",gc="G1 Young Generation"} 0.02
                jvm_gc_pause_seconds_max{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} 0.5
                jvm_gc_memory_allocated_bytes_total 1.0E9
                """.formatted(youngPauses, youngPausedSeconds);
    }

    @Test
    void aReadingHasEveryStageAndAddsUpThePausesOfAllCauses() {
        ServerStages stages = ServerStages.parse(scrape(90, 100, 3, 0.03));

        assertThat(stages.queueWait().count()).isEqualTo(100);
        assertThat(stages.handoffWait().percentileMillis(50)).isEqualTo(1.0);
        assertThat(stages.ack().percentileMillis(99)).isEqualTo(10.0);
        assertThat(stages.gcPauses()).isEqualTo(4);
        assertThat(stages.gcPausedMillis()).isCloseTo(50.0, offset(1e-9));
    }

    @Test
    void aPhaseIsWhatHappenedBetweenTwoReadings() {
        ServerStages before = ServerStages.parse(scrape(90, 100, 3, 0.03));
        ServerStages after = ServerStages.parse(scrape(90, 200, 5, 0.13));

        ServerStages phase = after.since(before);

        assertThat(phase.commit().count()).isEqualTo(100);
        // every send of the phase took more than 1 ms
        assertThat(phase.outboxWait().percentileMillis(1)).isEqualTo(10.0);
        assertThat(phase.gcPauses()).isEqualTo(2);
        assertThat(phase.gcPausedMillis()).isCloseTo(100.0, offset(1e-9));
    }

    @Test
    void aPauseSeriesWithoutTagsCountsToo() {
        ServerStages stages = ServerStages.parse("jvm_gc_pause_seconds_count 2\njvm_gc_pause_seconds_sum 0.25\n");

        assertThat(stages.gcPauses()).isEqualTo(2);
        assertThat(stages.gcPausedMillis()).isCloseTo(250.0, offset(1e-9));
    }

    @Test
    void aServerWithoutTheseMetersReadsAsNothingObserved() {
        ServerStages stages = ServerStages.parse("# nothing here\n");

        assertThat(stages.queueWait().count()).isZero();
        assertThat(stages.queueWait().percentileMillis(99)).isNaN();
        assertThat(stages.gcPauses()).isZero();
    }
}
