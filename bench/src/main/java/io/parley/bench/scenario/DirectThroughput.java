package io.parley.bench.scenario;

import io.parley.bench.Options;
import io.parley.bench.client.Account;
import io.parley.bench.client.BenchClient;
import io.parley.bench.client.FrameListener;
import io.parley.bench.measure.Latency;
import io.parley.bench.measure.MessageLedger;
import io.parley.bench.measure.ServerHistogram;
import io.parley.bench.measure.ServerStages;
import io.parley.bench.report.Metric.Target;
import io.parley.bench.report.Numbers;
import io.parley.bench.report.ResultBuilder;
import io.parley.bench.report.Table;
import io.parley.bench.setup.Friendships;
import io.parley.bench.traffic.ChatLoad;
import io.parley.bench.traffic.Chatter;
import io.parley.bench.traffic.Destination;
import io.parley.bench.traffic.ErrorCounts;
import io.parley.bench.traffic.Inbox;
import io.parley.bench.traffic.MessageBodies;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * S2: U online users, each sending 1:1 messages to random friends. First a closed loop (each device keeps a
 * window of unacked messages) finds the most delivered messages per second the server sustains; then an open
 * loop at half that rate measures send-to-receipt latency. Every message is matched to its receipt: none may be
 * lost or duplicated.
 */
public final class DirectThroughput implements Scenario {

    private static final int P99_LIMIT_MILLIS = 10;

    @Override
    public String id() {
        return "S2";
    }

    @Override
    public String title() {
        return "1:1 throughput and latency";
    }

    @Override
    public void run(ScenarioContext context, ResultBuilder result) throws Exception {
        Options options = context.options();
        int userCount = options.integer("users", 1000);
        int friends = options.integer("friends", 10);
        int window = options.integer("window", 8);
        int closedSeconds = options.integer("closed-seconds", 20);
        int pacedSeconds = options.integer("paced-seconds", 15);
        int warmupSeconds = options.integer("warmup-seconds", 5);
        int pacedWarmupSeconds = pacedWarmupSeconds(options, pacedSeconds, warmupSeconds);
        double pacedRateAsked = options.decimal("paced-rate", 0);
        List<Double> sweepFractions = sweepFractions(options);
        int sweepSeconds = options.integer("sweep-seconds", pacedSeconds);
        if (!sweepFractions.isEmpty() && sweepSeconds <= pacedWarmupSeconds) {
            throw new IllegalArgumentException("sweep-seconds must be more than the paced warm-up ("
                    + pacedWarmupSeconds + " s), not " + sweepSeconds);
        }
        int messageBytes = options.integer("message-bytes", 100);
        int maxMessages = options.integer("max-messages", 4_000_000);
        Duration drain = Duration.ofSeconds(options.integer("drain-seconds", 30));
        Path jfr = context.flightRecording();
        result.parameter("users", userCount).parameter("friends per user", friends)
                .parameter("window per user", window).parameter("closed-loop seconds", closedSeconds)
                .parameter("paced seconds", pacedSeconds).parameter("warm-up seconds", warmupSeconds)
                .parameter("paced warm-up seconds (not measured)", pacedWarmupSeconds)
                .parameter("lower paced rates (fractions of the max)", sweepFractions.isEmpty() ? "none"
                        : sweepFractions.stream().map(String::valueOf).collect(Collectors.joining(", ")))
                .parameter("seconds per lower rate", sweepSeconds)
                .parameter("message bytes", messageBytes);

        List<Account> users = context.population().users("chat", userCount);
        List<Account[]> pairs = Friendships.ring(users, friends);
        context.population().befriend(pairs);
        List<List<Account>> friendsOf = Friendships.friendsOf(users, pairs);
        ScenarioContext.Connections connected = context.connectAll(users, "chat", account -> FrameListener.IGNORE, 256);
        Figures.connectRetries(result, connected);

        MessageLedger ledger = new MessageLedger(maxMessages, context.timeline());
        Inbox.Stats inboxes = new Inbox.Stats();
        ErrorCounts errors = new ErrorCounts();
        String content = "x".repeat(messageBytes);
        List<Chatter> chatters = new ArrayList<>();
        for (BenchClient client : connected.clients()) {
            Account me = client.account();
            chatters.add(new Chatter(client, Destination.friends(friendsOf.get(me.index())), ledger,
                    new Inbox(ledger::received, inboxes), errors, MessageBodies.text(content), context.seed() + me.index()));
        }
        ChatLoad load = new ChatLoad(chatters);
        openConversations(context, ledger, chatters, pairs, result);

        // Closed loop: as fast as acks come back.
        Latency closedLatency = new Latency();
        long closedStart = System.nanoTime();
        ledger.measureInto(closedLatency, closedStart + Duration.ofSeconds(warmupSeconds).toNanos());
        context.progress().phase("closed loop, window " + window + " per user", () -> progress(context, ledger, load));
        if (jfr != null) {
            context.probe().startFlightRecording(jfr);
        }
        CpuUse closedCpu = CpuUse.now(context);
        load.closedLoop(window, Long.MAX_VALUE);
        context.hold(Duration.ofSeconds(closedSeconds));
        load.stop();
        long closedEnd = System.nanoTime();
        double closedWall = (closedEnd - closedStart) / 1e9;
        CpuUse closedCores = CpuUse.now(context).coresSince(closedCpu, closedWall);
        if (jfr != null) {
            context.probe().stopFlightRecording(jfr);
        }
        int from = second(context, closedStart) + warmupSeconds;
        int to = second(context, closedEnd);
        double maxRate = Figures.medianRate(context.timeline(), "delivered", from, to);
        drain(context, ledger, drain);

        // Open loop at half the maximum: latency when the server is not saturated.
        double pacedRate = pacedRateAsked > 0 ? pacedRateAsked : Math.max(1, maxRate / 2);
        PacedStep half = paced(context, ledger, load, pacedRate, pacedSeconds, pacedWarmupSeconds, drain);
        // Then lower rates: where the latency target holds on this machine.
        List<PacedStep> sweep = new ArrayList<>();
        for (double fraction : sweepFractions) {
            sweep.add(paced(context, ledger, load, Math.max(1, maxRate * fraction), sweepSeconds, pacedWarmupSeconds,
                    drain));
        }

        result.metric("max-delivered-rate", "max sustained delivered (closed loop, median of seconds)", maxRate,
                        "msgs/s", Target.atLeast(30_000))
                .metric("server-cores", "server CPU during the closed loop", closedCores.server(), "cores")
                .metric("bench-cores", "bench CPU during the closed loop", closedCores.bench(), "cores")
                .metric("machine-cores", "the bench machine's CPU during the closed loop (server, bench, database, the rest)",
                        closedCores.machine(), "cores");
        Figures.latency(result, "closed-latency", "closed-loop latency", closedLatency, null);
        result.metric("paced-rate", pacedRateAsked > 0 ? "paced rate asked" : "paced rate asked (half the max)", pacedRate, "msgs/s")
                .metric("paced-delivered-rate", "paced rate delivered (median of seconds)", half.delivered(), "msgs/s");
        Figures.latency(result, "latency", "latency at half the max", half.latency(), Target.atMost(P99_LIMIT_MILLIS));
        result.metric("paced-server-cores", "server CPU at half the max (measured seconds)", half.cores().server(), "cores")
                .metric("paced-bench-cores", "bench CPU at half the max (measured seconds)", half.cores().bench(), "cores")
                .metric("paced-machine-cores", "the bench machine's CPU at half the max (measured seconds)",
                        half.cores().machine(), "cores");
        serverLatency(result, half.server().ack(), half.server().commit());
        List<PacedStep> steps = new ArrayList<>(List.of(half));
        steps.addAll(sweep);
        reportSweep(result, maxRate, steps);
        reportServerStages(result, steps);
        Figures.messages(result, ledger.outcome(), inboxes, errors);
        Figures.connections(result, context.connectionStats());
        result.panel(Figures.throughput(context.timeline(), "messages/s", "sent", "delivered"));
        Map<String, Latency> latencies = new LinkedHashMap<>();
        steps.forEach(step -> latencies.put(String.format("paced %.0f msg/s", step.rateAsked()), step.latency()));
        latencies.put("closed loop (saturated)", closedLatency);
        result.panel(Figures.latencies("send-to-receipt latency", "ms", latencies));
        if (jfr != null) {
            result.note("JFR profile of the server taken during the closed loop");
        }
        context.closeAll(connected.clients());
    }

    /**
     * One open-loop phase at {@code rate}: its first {@code warmupSeconds} are not measured (see
     * {@link #pacedWarmupSeconds}); after it, every message is waited for (bounded by {@code drain}).
     */
    private static PacedStep paced(ScenarioContext context, MessageLedger ledger, ChatLoad load, double rate,
            int seconds, int warmupSeconds, Duration drain) throws Exception {
        Latency latency = new Latency();
        long start = System.nanoTime();
        ledger.measureInto(latency, start + Duration.ofSeconds(warmupSeconds).toNanos());
        context.progress().phase(String.format("paced at %.0f msg/s", rate), () -> progress(context, ledger, load));
        load.paced(rate);
        context.hold(Duration.ofSeconds(warmupSeconds));
        ServerStages stagesBefore = context.probe().stages();
        CpuUse cpuBefore = CpuUse.now(context);
        context.hold(Duration.ofSeconds(seconds - warmupSeconds));
        CpuUse cores = CpuUse.now(context).coresSince(cpuBefore, seconds - warmupSeconds);
        ServerStages stages = context.probe().stages().since(stagesBefore);
        load.stop();
        long end = System.nanoTime();
        drain(context, ledger, drain);
        double delivered = Figures.medianRate(context.timeline(), "delivered", second(context, start) + warmupSeconds,
                second(context, end));
        return new PacedStep(rate, delivered, latency, cores, stages);
    }

    /** What one open-loop phase measured. */
    private record PacedStep(double rateAsked, double delivered, Latency latency, CpuUse cores, ServerStages server) {

        boolean withinTarget() {
            return latency.count() > 0 && latency.percentileMillis(99) <= P99_LIMIT_MILLIS;
        }
    }

    /**
     * The open-loop phases side by side, and the highest rate among them whose p99 met the target: on a machine
     * where half the maximum already keeps the cores busy, this says up to which rate the target holds.
     */
    private static void reportSweep(ResultBuilder result, double maxRate, List<PacedStep> steps) {
        List<List<String>> rows = new ArrayList<>();
        double best = 0;
        for (PacedStep step : steps) {
            if (step.withinTarget()) {
                best = Math.max(best, step.rateAsked());
            }
            rows.add(List.of(Numbers.format(step.rateAsked()),
                    maxRate > 0 ? String.format(Locale.ROOT, "%.0f%%", 100 * step.rateAsked() / maxRate) : "n/a",
                    Numbers.format(step.delivered()), Numbers.format(step.latency().percentileMillis(50)),
                    Numbers.format(step.latency().percentileMillis(99)),
                    Numbers.format(step.latency().percentileMillis(99.9)), Numbers.format(step.cores().server()),
                    Numbers.format(step.cores().bench()), Numbers.format(step.cores().machine()),
                    step.withinTarget() ? "✓" : "✗"));
        }
        result.metric("p99-target-rate", "highest paced rate run with p99 <= " + P99_LIMIT_MILLIS + " ms", best, "msgs/s");
        result.table(new Table("S2 paced rates", List.of("msgs/s asked", "of the max", "delivered/s (median)",
                "p50 ms", "p99 ms", "p99.9 ms", "server cores", "bench cores", "machine cores",
                "p99 <= " + P99_LIMIT_MILLIS + " ms"), rows));
    }

    /**
     * Where each open-loop phase's time went inside the server, between its threads: a send waits in its writer's
     * queue (behind the commit in progress), is committed, waits for the outbox (behind earlier batches not yet
     * written), then for the devices' threads; and GC pauses stop all of them. Each figure is the upper bound of
     * the server's histogram bucket it falls in.
     */
    private static void reportServerStages(ResultBuilder result, List<PacedStep> steps) {
        List<List<String>> rows = new ArrayList<>();
        for (PacedStep step : steps) {
            ServerStages server = step.server();
            rows.add(List.of(Numbers.format(step.rateAsked()),
                    Numbers.format(server.queueWait().percentileMillis(50)),
                    Numbers.format(server.queueWait().percentileMillis(99)),
                    Numbers.format(server.commit().percentileMillis(50)),
                    Numbers.format(server.commit().percentileMillis(99)),
                    Numbers.format(server.outboxWait().percentileMillis(99)),
                    Numbers.format(server.handoffWait().percentileMillis(99)),
                    Numbers.format(server.ack().percentileMillis(50)),
                    Numbers.format(server.ack().percentileMillis(99)),
                    Numbers.format(server.gcPauses()),
                    Numbers.format(server.gcPausedMillis())));
        }
        result.table(new Table("S2 inside the server at each paced rate", List.of("msgs/s asked",
                "queue wait p50 ms", "queue wait p99 ms", "commit p50 ms", "commit p99 ms", "outbox wait p99 ms",
                "device threads wait p99 ms", "send to ack p50 ms", "send to ack p99 ms", "GC pauses",
                "GC paused ms"), rows));
    }

    /**
     * The fractions of the closed loop's maximum run after half of it ({@code --sweep}, e.g. {@code 0.25,0.125};
     * empty for none), each for {@code --sweep-seconds}.
     */
    static List<Double> sweepFractions(Options options) {
        String list = options.string("sweep", "0.25,0.125");
        List<Double> fractions = new ArrayList<>();
        for (String part : list.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            double fraction = Double.parseDouble(part.trim());
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("sweep fractions are above 0 and at most 1, not " + part.trim());
            }
            fractions.add(fraction);
        }
        return fractions;
    }

    /**
     * Where the paced phase's latency went inside the server, from its own histograms over the same seconds: a
     * send waits for the commit in progress and then for its own, so the ack can take about twice the commit.
     * Each figure is the upper bound of the histogram bucket it falls in.
     */
    private static void serverLatency(ResultBuilder result, ServerHistogram acks, ServerHistogram commits) {
        result.metric("server-ack-p50", "server: send frame in to ack out, p50 (paced)", acks.percentileMillis(50), "ms")
                .metric("server-ack-p99", "server: send frame in to ack out, p99 (paced)", acks.percentileMillis(99), "ms")
                .metric("server-commit-p50", "server: database commit of a batch, p50 (paced)", commits.percentileMillis(50), "ms")
                .metric("server-commit-p99", "server: database commit of a batch, p99 (paced)", commits.percentileMillis(99), "ms")
                .metric("server-commits", "server: batches committed (paced, measured seconds)", commits.count(), "commits");
    }

    /**
     * The first seconds of the paced phase, left out of its latency: right after the closed loop the database
     * is still working off its backlog (purging old row versions, flushing pages), and commits are slower
     * then, whatever the rate. At least one paced second must be left to measure.
     */
    static int pacedWarmupSeconds(Options options, int pacedSeconds, int warmupSeconds) {
        int seconds = options.integer("paced-warmup-seconds", Math.min(3, warmupSeconds));
        if (seconds < 0 || seconds >= pacedSeconds) {
            throw new IllegalArgumentException("paced-warmup-seconds must be 0 or more and less than paced-seconds ("
                    + pacedSeconds + "), not " + seconds);
        }
        return seconds;
    }

    /**
     * One message per friendship before measuring: friends who chat have a conversation already, and creating
     * one is a cost of its own, reported here rather than mixed into the throughput.
     */
    private static void openConversations(ScenarioContext context, MessageLedger ledger, List<Chatter> chatters,
            List<Account[]> pairs, ResultBuilder result) throws InterruptedException {
        Map<Integer, List<Destination>> firstMessages = new LinkedHashMap<>();
        pairs.forEach(pair -> firstMessages.computeIfAbsent(pair[0].index(), i -> new ArrayList<>())
                .add(Destination.friend(pair[1])));
        context.progress().phase("opening " + pairs.size() + " conversations (one message each)", () -> {
            MessageLedger.Outcome o = ledger.outcome();
            return o.acked() + "/" + pairs.size() + " acked";
        });
        long start = System.nanoTime();
        chatters.forEach(c -> c.sendOneEach(firstMessages.getOrDefault(c.client().account().index(), List.of())));
        awaitFirstMessages(context, ledger, pairs.size());
        double seconds = (System.nanoTime() - start) / 1e9;
        result.metric("conversations-opened", "conversations opened (first message each)", pairs.size(), "convs")
                .metric("conversation-open-rate", "first messages delivered per second", pairs.size() / seconds,
                        "convs/s");
    }

    /**
     * Waits until {@code messages} first messages are answered and delivered; they are queued on the event
     * loops, so this waits for their acks, not just for a settled (empty) ledger.
     */
    static void awaitFirstMessages(ScenarioContext context, MessageLedger ledger, long messages)
            throws InterruptedException {
        if (!context.awaitUntil(() -> ledger.outcome().acked() + ledger.outcome().refused() >= messages
                && ledger.settled(), Duration.ofMinutes(5))) {
            throw new IllegalStateException("the first messages were not all delivered: " + ledger.outcome());
        }
    }

    private static String progress(ScenarioContext context, MessageLedger ledger, ChatLoad load) {
        MessageLedger.Outcome o = ledger.outcome();
        return String.format("sent %,d acked %,d delivered %,d unacked %,d", o.sent(), o.acked(), o.delivered(),
                load.unacked());
    }

    /**
     * Waits until every message sent is answered and every acked one received, bounded by {@code timeout}; true
     * when it settled in time.
     */
    static boolean drain(ScenarioContext context, MessageLedger ledger, Duration timeout) throws InterruptedException {
        context.progress().phase("draining", () -> {
            MessageLedger.Outcome o = ledger.outcome();
            return String.format("waiting for %,d acks, %,d receipts", o.unacked(), o.lost());
        });
        if (!context.awaitUntil(ledger::settled, timeout)) {
            context.progress().note("drain timed out after " + timeout.toSeconds() + " s");
            return false;
        }
        return true;
    }

    private static int second(ScenarioContext context, long nanos) {
        return (int) context.timeline().secondsAt(nanos);
    }
}
