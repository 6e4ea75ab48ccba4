package io.parley.bench.scenario;

import io.parley.bench.Options;
import io.parley.bench.client.Account;
import io.parley.bench.client.BenchClient;
import io.parley.bench.client.FrameListener;
import io.parley.bench.measure.Latency;
import io.parley.bench.measure.ServerProbe.MemorySample;
import io.parley.bench.report.Numbers;
import io.parley.bench.report.Metric.Target;
import io.parley.bench.report.ResultBuilder;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * S1: N authenticated devices connect (their users logged in once, during setup) and stay idle, pinging as the
 * Welcome asks. Measures the connect rate, the handshake latency, and what each idle connection costs the
 * server: resident memory and JVM heap + direct memory, after a full GC, divided by N. Several N can be given
 * ({@code --connections=10000,19000}): each is measured in turn, the previous devices closed first.
 */
public final class IdleConnections implements Scenario {

    private static final double KB = 1024;

    @Override
    public String id() {
        return "S1";
    }

    @Override
    public String title() {
        return "idle connections";
    }

    @Override
    public void run(ScenarioContext context, ResultBuilder result) throws Exception {
        Options options = context.options();
        int[] sizes = options.integers("connections", "10000");
        int inFlight = options.integer("connect-in-flight", 256);
        Duration hold = Duration.ofSeconds(options.integer("hold-seconds", 30));
        int warmup = options.integer("warmup-connections", 5000);
        result.parameter("connections", Arrays.toString(sizes)).parameter("connect in flight", inFlight)
                .parameter("hold seconds", hold.toSeconds()).parameter("warm-up connections", warmup);

        List<Account> users = context.population().users("idle", Arrays.stream(sizes).max().orElse(0));
        if (warmup > 0) {
            warmUp(context, users.subList(0, Math.min(warmup, users.size())), inFlight);
            result.note("before the first size, " + Numbers.format(warmup) + " devices connected and closed again, "
                    + "not measured: a freshly started JVM is still compiling its handshake path, which a server "
                    + "that has been running has done long ago");
        }
        Map<String, Latency> handshakes = new LinkedHashMap<>();
        for (int n : sizes) {
            handshakes.put(Numbers.format(n) + " connections", holdIdle(context, result, users.subList(0, n),
                    inFlight, hold));
        }
        Figures.connections(result, context.connectionStats());
        result.note("memory is read after a full GC in the server (jcmd GC.run); with a pre-touched fixed heap "
                + "(-Xms = -Xmx, -XX:+AlwaysPreTouch) RSS growth is memory outside the heap, so RSS growth + heap "
                + "growth is what a connection costs");
        if (!context.probe().knowsProcess()) {
            result.note("no --server-pid: RSS not measured and no GC before the heap readings");
        }
        result.panel(Figures.throughput(context.timeline(), "connections/s", "connected"));
        result.panel(Figures.latencies("handshake latency (TCP connect to Welcome)", "ms", handshakes));
    }

    /** Connects a device of each user and closes them all again, so the server's handshake path gets compiled. */
    private static void warmUp(ScenarioContext context, List<Account> users, int inFlight) throws InterruptedException {
        context.closeAll(context.connect(users, "idle", account -> FrameListener.IGNORE, inFlight).clients());
    }

    /** Connects a device of each user, holds them idle, measures, closes them all; returns the handshake times. */
    private static Latency holdIdle(ScenarioContext context, ResultBuilder result, List<Account> users, int inFlight,
            Duration hold) throws InterruptedException {
        int n = users.size();
        String key = "c" + n + "-";
        String what = Numbers.format(n) + " connections: ";
        context.probe().collectGarbage();
        MemorySample before = context.probe().memory();

        ScenarioContext.Connections connected = context.connect(users, "idle", account -> FrameListener.IGNORE, inFlight);
        List<BenchClient> clients = connected.clients();
        connected.failures().forEach(failure -> result.note(what + "connect failed: " + failure));

        context.progress().phase("holding " + clients.size() + " idle connections for " + hold.toSeconds() + " s",
                () -> clients.stream().filter(BenchClient::isOpen).count() + " open, "
                        + context.connectionStats().pingsSent() + " pings");
        context.hold(hold);
        long open = clients.stream().filter(BenchClient::isOpen).count();
        context.probe().collectGarbage();
        MemorySample after = context.probe().memory();

        result.metric(key + "connections", what + "open after the hold", open, "conns", Target.atLeast(n))
                .metric(key + "connect-failures", what + "connects that failed", connected.failed(), "conns",
                        Target.atMost(0))
                .metric(key + "connect-rate", what + "connect rate (to Welcome)", connected.perSecond(), "conns/s",
                        Target.atLeast(3000))
                .metric(key + "rss-per-conn", what + "server RSS growth per connection",
                        perConnection(after.rss(), before.rss(), open), "KB")
                .metric(key + "jvm-per-conn", what + "server heap + direct per connection",
                        perConnection(after.heap() + after.direct(), before.heap() + before.direct(), open), "KB",
                        Target.atMost(10))
                .metric(key + "total-per-conn", what + "RSS growth + heap growth per connection", perConnection(
                        after.rss() + after.heap(), before.rss() + before.heap(), open), "KB", Target.atMost(10))
                .metric(key + "heap-per-conn", what + "server heap per connection",
                        perConnection(after.heap(), before.heap(), open), "KB")
                .metric(key + "direct-per-conn", what + "server direct memory per connection",
                        perConnection(after.direct(), before.direct(), open), "KB")
                .metric(key + "rss-total", what + "server RSS with all connected", after.rss() / KB / KB, "MB")
                .metric(key + "heap-total", what + "server heap used (live) with all connected", after.heap() / KB / KB,
                        "MB");
        context.closeAll(clients);
        return connected.handshakes();
    }

    private static double perConnection(double after, double before, long connections) {
        return connections == 0 ? Double.NaN : (after - before) / connections / KB;
    }
}
