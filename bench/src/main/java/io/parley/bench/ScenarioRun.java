package io.parley.bench;

import io.parley.bench.client.ClientLoop;
import io.parley.bench.client.ConnectionStats;
import io.parley.bench.client.Endpoint;
import io.parley.bench.client.RestApi;
import io.parley.bench.measure.Progress;
import io.parley.bench.measure.ServerProbe;
import io.parley.bench.measure.Timeline;
import io.parley.bench.report.Charts;
import io.parley.bench.report.ResultBuilder;
import io.parley.bench.report.ResultFiles;
import io.parley.bench.report.ResultTable;
import io.parley.bench.report.ScenarioResult;
import io.parley.bench.scenario.Scenario;
import io.parley.bench.scenario.ScenarioContext;
import io.parley.bench.setup.Population;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Runs one scenario against one server and writes its result: JSON, PNG, and a table on the console. */
final class ScenarioRun {

    private final Options options;
    private final PrintStream out;

    ScenarioRun(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /**
     * @param jfr   where the server's flight recording goes, or null for none
     * @param notes what the result should say about how the run was set up (e.g. the database's settings)
     */
    ScenarioResult run(Scenario scenario, Endpoint endpoint, String database, OptionalLong pid, Path jfr,
            List<String> notes) throws Exception {
        Options scoped = options.scoped(scenario.id());
        Path outFolder = Path.of(scoped.string("out", "docs/bench"));
        RestApi api = new RestApi(endpoint.http(), scoped.integer("rest-concurrency", 32));
        int threads = scoped.integer("threads", Runtime.getRuntime().availableProcessors());
        List<InetAddress> sources = sourceAddresses(scoped.integer("source-ips", 0));
        String runId = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000_000L, 36);
        String label = scenario.id() + " " + database;
        String loadBefore = Machine.loadAverage();
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        ResultBuilder builder = new ResultBuilder();
        ServerProbe probe = new ServerProbe(api, pid);
        if (jfr != null) {
            probe.primeFlightRecorder();
        }
        try (ClientLoop loop = new ClientLoop(threads, sources); Progress progress = new Progress(label, out)) {
            ScenarioContext context = new ScenarioContext(scoped, endpoint, api, loop, new ConnectionStats(),
                    new Population(api, "b" + runId + scenario.id().toLowerCase(), progress), probe, progress,
                    new Timeline(start), scoped.longValue("seed", 42), jfr);
            scenario.run(context, builder);
        }
        notes.forEach(builder::note);
        var machine = Machine.describe();
        machine.put("load average before / after", loadBefore + " / " + Machine.loadAverage());
        ScenarioResult result = builder.build(scenario.id(), scenario.title(), database, startedAt.toString(),
                (System.nanoTime() - start) / 1e9, machine);
        ResultFiles.write(result, outFolder);
        Charts.write(result, outFolder);
        ResultTable.print(result, out);
        return result;
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
