package io.parley.bench.scenario;

import io.parley.bench.client.ConnectionStats;
import io.parley.bench.measure.Latency;
import io.parley.bench.measure.MessageLedger;
import io.parley.bench.measure.Timeline;
import io.parley.bench.report.Metric.Target;
import io.parley.bench.report.Panel;
import io.parley.bench.report.ResultBuilder;
import io.parley.bench.traffic.ErrorCounts;
import io.parley.bench.traffic.Inbox;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** The figures and charts several scenarios report the same way. */
final class Figures {

    private Figures() {
    }

    /** Sent, acked, delivered, and the counts that must be zero: lost, duplicated, out of order. */
    static void messages(ResultBuilder result, MessageLedger.Outcome outcome, Inbox.Stats inboxes, ErrorCounts errors) {
        ledger(result, "", "", outcome, inboxes.duplicatePushes());
        result.metric("out-of-order", "pushed out of seq order", inboxes.outOfOrderPushes(), "msgs", Target.atMost(0))
                .metric("errors", "error replies", errors.total(), "frames");
        if (errors.total() > 0) {
            result.note("error replies by code: " + errors.byCode());
        }
        if (outcome.refused() > 0) {
            result.note(outcome.refused() + " messages were refused for good (not retryable)");
        }
    }

    /**
     * One ledger's counts, keys and labels prefixed (a scenario with several ledgers tells them apart): sent,
     * acked, received, and the counts that must be zero. {@code duplicatePushes}: Delivers a device got twice (an
     * {@link Inbox} drops them before the ledger sees them).
     */
    static void ledger(ResultBuilder result, String keyPrefix, String labelPrefix, MessageLedger.Outcome outcome,
            long duplicatePushes) {
        result.metric(keyPrefix + "sent", labelPrefix + "messages sent", outcome.sent(), "msgs")
                .metric(keyPrefix + "acked", labelPrefix + "messages acked", outcome.acked(), "msgs")
                .metric(keyPrefix + "delivered", labelPrefix + "messages received by their devices", outcome.delivered(),
                        "msgs")
                .metric(keyPrefix + "unacked", labelPrefix + "sent, never acked nor refused", outcome.unacked(), "msgs")
                .metric(keyPrefix + "lost", labelPrefix + "lost (acked, a device never got it)", outcome.lost(), "msgs",
                        Target.atMost(0))
                .metric(keyPrefix + "duplicated", labelPrefix + "duplicated (received twice)",
                        outcome.duplicated() + duplicatePushes, "msgs", Target.atMost(0))
                .metric(keyPrefix + "seq-mismatch", labelPrefix + "Deliver seq differs from ack seq",
                        outcome.seqMismatches(), "msgs", Target.atMost(0));
    }

    /** Devices that needed more than one try to connect, and why the first try failed. */
    static void connectRetries(ResultBuilder result, ScenarioContext.Connections connected) {
        if (connected.failed() > 0) {
            result.note(connected.failed() + " devices needed another try to connect; first failures: "
                    + connected.failures());
        }
    }

    static void latency(ResultBuilder result, String key, String what, Latency latency, Target p99Target) {
        result.metric(key + "-p50", what + " p50", latency.percentileMillis(50), "ms")
                .metric(key + "-p99", what + " p99", latency.percentileMillis(99), "ms", p99Target)
                .metric(key + "-p999", what + " p99.9", latency.percentileMillis(99.9), "ms")
                .metric(key + "-max", what + " max", latency.maxMillis(), "ms");
    }

    static void connections(ResultBuilder result, ConnectionStats stats) {
        result.metric("pings", "heartbeat pings sent", stats.pingsSent(), "frames")
                .metric("pongs", "pongs received", stats.pongsReceived(), "frames")
                .metric("unexpected-closes", "connections closed by the server", stats.unexpectedCloses(), "conns",
                        Target.atMost(0));
        if (stats.unexpectedCloses() > 0) {
            result.note("closes by code: " + stats.unexpectedClosesByCode());
        }
    }

    /** Server CPU used over a phase, in cores (1.0 = one core busy all the time). */
    static double cores(double cpuSecondsBefore, double cpuSecondsAfter, double wallSeconds) {
        return (cpuSecondsAfter - cpuSecondsBefore) / wallSeconds;
    }

    /** CPU seconds the bench's own JVM has used so far (user + system). */
    static double benchCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** Per-second rates of some timeline series. */
    static Panel throughput(Timeline timeline, String yLabel, String... names) {
        Map<String, long[]> all = timeline.snapshot();
        List<Panel.Series> series = new ArrayList<>();
        for (String name : names) {
            long[] counts = all.getOrDefault(name, new long[0]);
            double[] x = IntStream.range(0, counts.length).mapToDouble(i -> i).toArray();
            series.add(new Panel.Series(name + "/s", x, Arrays.stream(counts).asDoubleStream().toArray()));
        }
        return new Panel("throughput over time", "seconds", yLabel, false, series);
    }

    static Panel latencies(String title, String yLabel, Map<String, Latency> byName) {
        List<Panel.Series> series = new ArrayList<>();
        byName.forEach((name, latency) -> {
            List<double[]> points = latency.distribution();
            series.add(new Panel.Series(name, points.stream().mapToDouble(p -> p[0]).toArray(),
                    points.stream().mapToDouble(p -> p[1]).toArray()));
        });
        return new Panel(title, "percentile", yLabel, true, series);
    }

    /** The median of per-second counts between two seconds of the timeline: a sustained rate, robust to hiccups. */
    static double medianRate(Timeline timeline, String name, int fromSecond, int toSecond) {
        long[] counts = timeline.perSecond(name, fromSecond, toSecond);
        if (counts.length == 0) {
            return 0;
        }
        long[] sorted = counts.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    /** The mean per-second count over whole seconds: at a few messages per second, each fanned out to
     * thousands of devices, whole messages fall into one second or the next and a median swings with them. */
    static double meanRate(Timeline timeline, String name, int fromSecond, int toSecond) {
        long[] counts = timeline.perSecond(name, fromSecond, toSecond);
        return counts.length == 0 ? 0 : Arrays.stream(counts).average().orElse(0);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
