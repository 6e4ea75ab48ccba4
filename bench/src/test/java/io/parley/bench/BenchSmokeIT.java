package io.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.bench.report.Metric;
import io.parley.bench.report.ScenarioResult;
import io.parley.bench.report.Table;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every scenario at toy size against the packaged server ({@code -Dparley.jar}, set by failsafe), on H2 and on
 * MariaDB: a few seconds each. Proves the bench runs end to end, that nothing is lost or duplicated, and that
 * each scenario writes its JSON and PNG. Not a measurement: sizes are far too small for that.
 */
abstract class BenchSmokeIT {

    abstract String database();

    @Test
    void everyScenarioRunsAndLosesNothing() throws Exception {
        Path out = Path.of(System.getProperty("parley.bench.out", "target/smoke")).resolve(database());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Options options = new Options("suite",
                "--jar=" + System.getProperty("parley.jar"),
                "--databases=" + database(),
                "--scenarios=S1,S2,S3,S4,S5",
                "--out=" + out,
                "--work=" + out.resolve("work"),
                "--server-jvm=-Xmx512m",
                "--server-per=database",
                // harmless, and put back afterwards (MariaDbSettingsIT); here it shows each MariaDB result says it
                "--mariadb-settings=max_connections=200",
                "--S1.connections=30,50", "--S1.hold-seconds=1", "--S1.warmup-connections=20",
                "--S2.users=20", "--S2.friends=4", "--S2.closed-seconds=3", "--S2.paced-seconds=2",
                "--S2.warmup-seconds=1", "--S2.sweep=0.25", "--S2.sweep-seconds=2",
                "--S3.members=20", "--S3.senders=3", "--S3.rates=20,30", "--S3.step-seconds=2", "--S3.warmup-seconds=1",
                "--S3.drain-seconds=10",
                "--S4.cases=60x1,120x3", "--S4.rounds=2",
                "--S5.connections=40", "--S5.seconds=4", "--S5.chatting-share=0.25", "--S5.churning-share=0.25",
                "--S5.online-min-ms=300", "--S5.online-max-ms=800", "--S5.offline-min-ms=200",
                "--S5.offline-max-ms=500", "--S5.groups=2", "--S5.group-size=8", "--S5.group-senders=2",
                "--S5.group-messages-per-sender-second=2", "--S5.media-share=0.3", "--S5.avatar-uploads=3");

        List<ScenarioResult> results;
        try (PrintStream print = new PrintStream(console, true, StandardCharsets.UTF_8)) {
            results = BenchMain.suite(options, print);
        }

        String log = console.toString(StandardCharsets.UTF_8);
        assertThat(results).as(log).extracting(ScenarioResult::scenario).containsExactly("S1", "S2", "S3", "S4", "S5");
        for (ScenarioResult result : results) {
            assertThat(out.resolve(result.fileStem() + ".json")).as(log).exists();
            assertThat(out.resolve(result.fileStem() + ".png")).as(log).exists();
            assertThat(Files.size(out.resolve(result.fileStem() + ".png"))).isGreaterThan(1000);
            for (Metric metric : result.metrics()) {
                if (metric.key().endsWith("lost") || metric.key().endsWith("duplicated")
                        || metric.key().endsWith("out-of-order") || metric.key().endsWith("seq-mismatch")
                        || metric.key().equals("unexpected-closes") || metric.key().endsWith("failures")
                        || metric.key().endsWith("slow-closes")) {
                    assertThat(metric.value()).as(result.scenario() + " " + metric.label() + "\n" + log).isZero();
                }
            }
        }
        assertThat(results.get(0).metric("c30-connections").value()).as(log).isEqualTo(30);
        assertThat(results.get(0).metric("c50-connections").value()).as(log).isEqualTo(50);
        assertThat(results.get(1).metric("delivered").value()).as(log).isPositive();
        assertThat(results.get(1).metric("server-commits").value()).as(log).isPositive();
        assertThat(results.get(1).metric("server-ack-p99").value()).as(log).isPositive().isFinite();
        // The machine's busy time includes the bench's own, which is never idle while it sends.
        assertThat(results.get(1).metric("paced-machine-cores").value()).as(log).isPositive().isFinite()
                .isGreaterThanOrEqualTo(results.get(1).metric("paced-server-cores").value());
        // Half the maximum and the one lower rate asked for, each a row with its latency, and the server's own
        // timings of the same phases.
        assertThat(results.get(1).tables()).as(log).hasSize(2);
        assertThat(table(results.get(1), "S2 paced rates").rows()).as(log).hasSize(2)
                .allSatisfy(row -> assertThat(row.get(3)).isNotEqualTo("n/a"));
        assertThat(table(results.get(1), "S2 inside the server at each paced rate").rows()).as(log).hasSize(2)
                .allSatisfy(row -> assertThat(row.subList(1, 9)).noneMatch(figure -> figure.equals("n/a")));
        assertThat(results.get(1).metric("p99-target-rate").value()).as(log).isFinite().isNotNegative();
        // Every acked group message owes a delivery to each of the 19 other members.
        assertThat(results.get(2).metric("m20-delivered").value()).as(log)
                .isEqualTo(results.get(2).metric("m20-acked").value() * 19).isPositive();
        assertThat(results.get(2).tables()).as(log).hasSize(1);
        assertThat(results.get(3).metric("s4-120x3-total").value()).as(log).isPositive();
        assertThat(results.get(4).metric("reconnects").value()).as(log).isPositive();
        assertThat(results.get(4).metric("group-delivered").value()).as(log).isPositive();
        assertThat(results.get(4).metric("avatar-uploads").value()).as(log).isEqualTo(3);
        assertThat(out.resolve("jfr-s2-" + database() + ".json")).as(log).exists();
        for (ScenarioResult result : results) {
            if (database().equals("mariadb")) {
                assertThat(result.notes()).as(log).contains("MariaDB set for the run: max_connections=200");
            } else {
                assertThat(result.notes()).as(log).noneMatch(note -> note.contains("MariaDB"));
            }
        }
    }

    static class OnH2IT extends BenchSmokeIT {
        @Override
        String database() {
            return "h2";
        }
    }

    static class OnMariaDbIT extends BenchSmokeIT {
        @Override
        String database() {
            return "mariadb";
        }
    }

    private static Table table(ScenarioResult result, String title) {
        return result.tables().stream().filter(t -> t.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no table " + title + " in " + result.scenario()));
    }
}
