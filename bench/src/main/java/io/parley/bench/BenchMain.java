package io.parley.bench;

import io.parley.bench.client.Endpoint;
import io.parley.bench.report.BenchmarksPage;
import io.parley.bench.report.HotMethods;
import io.parley.bench.report.ScenarioResult;
import io.parley.bench.scenario.Scenario;
import io.parley.bench.scenario.Scenarios;
import io.parley.bench.server.MariaDbSettings;
import io.parley.bench.server.ServerLauncher;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The bench's command line.
 *
 * <pre>
 * run S1[,S2,...] --http=http://127.0.0.1:8080 --ws=ws://127.0.0.1:8090/ws [--server-pid=N] [--database=h2]
 *                 [--out=docs/bench] [scenario options]          against a server that is already running
 * suite [--jar=server/target/parley-server.jar] [--databases=h2,mariadb] [--scenarios=S1,S2,S3,S4,S5]
 *       [--out=docs/bench] [--work=bench/target/suite] [--server-jvm="-Xms1g -Xmx1g -XX:+AlwaysPreTouch"] [--jfr-scenario=S2,S3]
 *       [--server-per=scenario|database] [--mariadb-settings=name=value,...|none] [--S1.connections=10000 ...]
 *                                                                 a fresh server per scenario (or database)
 * page --results=docs/bench --out=docs/BENCHMARKS.md             the docs page from the results
 * hot-methods --jfr=server.jfr --out=hot.json                    a JFR recording's hot methods
 * </pre>
 * Common options: --threads (event loops, default: cores), --source-ips=N (spread connections over
 * 127.0.0.2..), --rest-concurrency (setup requests in flight), --seed.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        String command = options.positional().isEmpty() ? "" : options.positional().get(0);
        switch (command) {
            case "run" -> {
                Endpoint endpoint = Endpoint.of(options.string("http", "http://127.0.0.1:8080"),
                        options.string("ws", "ws://127.0.0.1:8090/ws"));
                OptionalLong pid = options.has("server-pid")
                        ? OptionalLong.of(options.longValue("server-pid", 0)) : OptionalLong.empty();
                ScenarioRun run = new ScenarioRun(options, System.out);
                for (Scenario scenario : scenarios(options.positional().size() > 1 ? options.positional().get(1) : "")) {
                    run.run(scenario, endpoint, options.string("database", "h2"), pid,
                            options.has("jfr") ? Path.of(options.string("jfr", "")) : null, List.of());
                }
                warnUnread(options, System.out);
            }
            case "suite" -> suite(options, System.out);
            case "page" -> BenchmarksPage.write(Path.of(options.string("results", "docs/bench")),
                    Path.of(options.string("out", "docs/BENCHMARKS.md")));
            case "hot-methods" -> HotMethods.write(Path.of(options.string("jfr", "server.jfr")),
                    Path.of(options.string("out", "hot-methods.json")), options.integer("top", 20));
            default -> {
                System.err.println("usage: run <S1,S2,...> | suite | page | hot-methods [--options]; "
                        + "see docs/BENCHMARKS.md");
                System.exit(2);
            }
        }
        System.exit(0);
    }

    /**
     * Every scenario against every database, each on a freshly started server (so one scenario's users and
     * memory do not weigh on the next; {@code --server-per=database} shares one server per database, for quick
     * runs); a JFR profile is taken during each of {@code --jfr-scenario} (a list). The local MariaDB gets
     * {@code --mariadb-settings} for its runs (see {@link MariaDbSettings}), noted in each result.
     */
    public static List<ScenarioResult> suite(Options options, PrintStream out) throws Exception {
        Suite suite = new Suite(Path.of(options.string("jar", "server/target/parley-server.jar")),
                Path.of(options.string("out", "docs/bench")), Path.of(options.string("work", "bench/target/suite")),
                Arrays.stream(options.string("server-jvm", "-Xms1g -Xmx1g -XX:+AlwaysPreTouch").split(" "))
                        .filter(s -> !s.isBlank()).toList(),
                List.of(options.string("jfr-scenario", "S2").split(",")), options.integer("top", 20),
                new ScenarioRun(options, out), out);
        boolean serverPerScenario = !options.string("server-per", "scenario").equals("database");
        List<Scenario> scenarios = scenarios(options.string("scenarios", "S1,S2,S3,S4,S5"));
        List<ScenarioResult> results = new ArrayList<>();
        for (String database : options.string("databases", "h2,mariadb").split(",")) {
            List<List<Scenario>> batches = serverPerScenario
                    ? scenarios.stream().map(List::of).toList() : List.of(scenarios);
            try (MariaDbSettings settings = MariaDbSettings.apply(database.equals("mariadb")
                    ? options.string("mariadb-settings", MariaDbSettings.DEFAULT) : "none")) {
                List<String> notes = database.equals("mariadb") ? List.of(settings.describe()) : List.of();
                for (List<Scenario> batch : batches) {
                    results.addAll(suite.run(batch, database, notes));
                }
            }
        }
        warnUnread(options, out);
        return results;
    }

    /** What every server of a suite is started and measured with. */
    private record Suite(Path jar, Path outFolder, Path work, List<String> jvm, List<String> jfrScenarios, int top,
            ScenarioRun run, PrintStream out) {

        /** The scenarios of {@code batch} against one freshly started server; a failed scenario has no result. */
        List<ScenarioResult> run(List<Scenario> batch, String database, List<String> notes) throws Exception {
            List<ScenarioResult> results = new ArrayList<>();
            Path dir = work.resolve(database + "-" + batch.get(0).id().toLowerCase(Locale.ROOT));
            deleteRecursively(dir);
            out.println("== " + batch.stream().map(Scenario::id).toList() + " on " + database
                    + ": starting the server (log: " + dir.resolve("server.log") + ")");
            try (ServerLauncher server = ServerLauncher.start(jar, database, dir, jvm)) {
                for (Scenario scenario : batch) {
                    Path jfr = jfrScenarios.contains(scenario.id()) ? dir.resolve("server.jfr") : null;
                    try {
                        results.add(run.run(scenario, Endpoint.of(server.httpUrl(), server.wsUrl()), database,
                                OptionalLong.of(server.pid()), jfr, notes));
                    } catch (Exception e) {
                        // One scenario failing must not cost the others their run.
                        out.println("!! " + scenario.id() + " on " + database + " failed: " + e);
                        e.printStackTrace(out);
                    }
                    if (jfr != null && Files.exists(jfr)) {
                        HotMethods.write(jfr, outFolder.resolve("jfr-" + scenario.id().toLowerCase(Locale.ROOT)
                                + "-" + database + ".json"), top);
                    }
                }
            }
            return results;
        }
    }

    private static List<Scenario> scenarios(String ids) {
        List<Scenario> scenarios = new ArrayList<>();
        for (String id : ids.split(",")) {
            scenarios.add(Scenarios.byId(id.trim()).orElseThrow(() -> new IllegalArgumentException(
                    "no scenario '" + id + "'; known: " + Scenarios.all().stream().map(Scenario::id).toList())));
        }
        return scenarios;
    }

    private static void warnUnread(Options options, PrintStream out) {
        if (!options.unread().isEmpty()) {
            out.println("warning: options no scenario used: " + options.unread());
        }
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
