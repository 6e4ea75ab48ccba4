package io.parley.bench;

import io.parley.bench.client.ClientLoop;
import io.parley.bench.client.ConnectionStats;
import io.parley.bench.client.Endpoint;
import io.parley.bench.client.RestApi;
import io.parley.bench.measure.Progress;
import io.parley.bench.measure.ServerProbe;
import io.parley.bench.measure.Timeline;
import io.parley.bench.report.BenchmarksPage;
import io.parley.bench.report.Charts;
import io.parley.bench.report.HotMethods;
import io.parley.bench.report.ResultBuilder;
import io.parley.bench.report.ResultFiles;
import io.parley.bench.report.ResultTable;
import io.parley.bench.report.ScenarioResult;
import io.parley.bench.scenario.Scenario;
import io.parley.bench.scenario.ScenarioContext;
import io.parley.bench.scenario.Scenarios;
import io.parley.bench.scenario.ServerCapabilities;
import io.parley.bench.setup.Population;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The bench's command line.
 *
 * <pre>
 * run S1[,S2,...] --http=http://127.0.0.1:8080 --ws=ws://127.0.0.1:8090/ws [--server-pid=N] [--database=h2]
 *                 [--out=docs/bench] [--threads=2] [--source-ips=0] [scenario options]
 * page --results=docs/bench --out=docs/BENCHMARKS.md
 * hot-methods --jfr=server.jfr --out=docs/bench/jfr-s2-h2.json
 * </pre>
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        if (options.positional().isEmpty()) {
            System.err.println("usage: run <S1,S2,...> [options] | page [options] | hot-methods [options]; see BENCHMARKS.md");
            System.exit(2);
        }
        switch (options.positional().get(0)) {
            case "run" -> run(options, System.out);
            case "page" -> BenchmarksPage.write(Path.of(options.string("results", "docs/bench")),
                    Path.of(options.string("out", "docs/BENCHMARKS.md")));
            case "hot-methods" -> HotMethods.write(Path.of(options.string("jfr", "server.jfr")),
                    Path.of(options.string("out", "hot-methods.json")), options.integer("top", 20));
            default -> {
                System.err.println("unknown command " + options.positional().get(0));
                System.exit(2);
            }
        }
        System.exit(0);
    }

    /** Runs the scenarios named in the second positional argument; returns their results (also written to files). */
    public static List<ScenarioResult> run(Options options, PrintStream out) throws Exception {
        Endpoint endpoint = Endpoint.of(options.string("http", "http://127.0.0.1:8080"),
                options.string("ws", "ws://127.0.0.1:8090/ws"));
        String database = options.string("database", "h2");
        Path outFolder = Path.of(options.string("out", "docs/bench"));
        int threads = options.integer("threads", Runtime.getRuntime().availableProcessors());
        List<InetAddress> sources = sourceAddresses(options.integer("source-ips", 0));
        OptionalLong pid = options.has("server-pid") ? OptionalLong.of(options.longValue("server-pid", 0)) : OptionalLong.empty();
        long seed = options.longValue("seed", 42);
        String runId = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000_000L, 36);
        RestApi api = new RestApi(endpoint.http(), options.integer("rest-concurrency", 32));
        ServerProbe probe = new ServerProbe(api, pid);
        ServerCapabilities capabilities = ServerCapabilities.of(api);

        List<Scenario> scenarios = new ArrayList<>();
        for (String id : options.positional().get(1).split(",")) {
            scenarios.add(Scenarios.byId(id).orElseThrow(() -> new IllegalArgumentException("no scenario " + id)));
        }
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            var unavailable = scenario.unavailableOn(capabilities);
            if (unavailable.isPresent()) {
                out.println(scenario.id() + " skipped: " + unavailable.get());
                continue;
            }
            String label = scenario.id() + " " + database;
            Instant startedAt = Instant.now();
            long start = System.nanoTime();
            ResultBuilder builder = new ResultBuilder();
            try (ClientLoop loop = new ClientLoop(threads, sources); Progress progress = new Progress(label, out)) {
                ScenarioContext context = new ScenarioContext(options, endpoint, api, loop, new ConnectionStats(),
                        new Population(api, "b" + runId + scenario.id().toLowerCase(), progress), probe, progress,
                        new Timeline(start), seed, outFolder);
                scenario.run(context, builder);
            }
            ScenarioResult result = builder.build(scenario.id(), scenario.title(), database, startedAt.toString(),
                    (System.nanoTime() - start) / 1e9, Machine.describe());
            ResultFiles.write(result, outFolder);
            Charts.write(result, outFolder);
            ResultTable.print(result, out);
            results.add(result);
        }
        if (!options.unread().isEmpty()) {
            out.println("warning: options not used by these scenarios: " + options.unread());
        }
        return results;
    }

    /** 127.0.0.2, 127.0.0.3, ...: each loopback address has its own ephemeral ports. */
    private static List<InetAddress> sourceAddresses(int count) throws UnknownHostException {
        List<InetAddress> addresses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            addresses.add(InetAddress.getByAddress(new byte[] {127, 0, (byte) ((i + 2) / 256), (byte) ((i + 2) % 256)}));
        }
        return addresses;
    }
}
