package io.parley.bench.scenario;

import io.parley.bench.Options;
import io.parley.bench.client.Account;
import io.parley.bench.client.BenchClient;
import io.parley.bench.measure.Latency;
import io.parley.bench.measure.MessageLedger;
import io.parley.bench.report.Metric.Target;
import io.parley.bench.report.Numbers;
import io.parley.bench.report.Panel;
import io.parley.bench.report.ResultBuilder;
import io.parley.bench.report.Table;
import io.parley.bench.traffic.ChatLoad;
import io.parley.bench.traffic.Chatter;
import io.parley.bench.traffic.Destination;
import io.parley.bench.traffic.ErrorCounts;
import io.parley.bench.traffic.Inbox;
import io.parley.bench.traffic.MessageBodies;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * S3: one group of M members, every member online with one device; a few members send to the group at a fixed
 * total rate, raised step by step (a rate ladder) until p99 reaches 1 s, a receipt is missing, or the server
 * refuses or falls behind. A message to the group owes one delivery to each other member's device, so
 * deliveries/s = messages/s x (M - 1). Reported per M: the highest step whose p99 stayed under 1 s with nothing
 * lost, and every step in a table. After each step the senders pause until every receipt is in (bounded), so
 * a step's latencies are all its own.
 */
public final class GroupFanOut implements Scenario {

    private static final double P99_LIMIT_MILLIS = 1000;
    /** Close code of a device that did not read what the server sent (docs/PROTOCOL.md "Close codes"). */
    private static final int TOO_SLOW = 4413;
    /** A step whose mean delivered rate is below this share of the asked rate fell behind. */
    private static final double KEEPING_UP = 0.9;

    @Override
    public String id() {
        return "S3";
    }

    @Override
    public String title() {
        return "group fan-out";
    }

    /** The rate ladder: explicit message rates, or a start (in deliveries/s) multiplied by a factor each step. */
    private record Ladder(List<Double> messageRates, double startDeliveries, double factor, int maxSteps) {

        double messagesPerSecond(int step, int members) {
            return messageRates.isEmpty() ? startDeliveries / (members - 1) * Math.pow(factor, step)
                    : messageRates.get(step);
        }

        int steps() {
            return messageRates.isEmpty() ? maxSteps : messageRates.size();
        }
    }

    /** What one step of the ladder measured. */
    private record Step(double messagesAsked, double deliveriesAsked, double delivered, Latency latency,
            double serverCores, double benchCores, long lost, long duplicated, Map<String, Long> refusals, long slowCloses,
            boolean settled) {

        boolean passed() {
            return settled && lost == 0 && duplicated == 0 && slowCloses == 0
                    && latency.percentileMillis(99) < P99_LIMIT_MILLIS;
        }

        /** Worth a higher rate: passed, the server refused nothing and kept up with the rate asked. */
        boolean roomForMore() {
            return passed() && refusals.isEmpty() && delivered >= KEEPING_UP * deliveriesAsked;
        }
    }

    @Override
    public void run(ScenarioContext context, ResultBuilder result) throws Exception {
        Options options = context.options();
        int[] sizes = options.integers("members", "500");
        int senders = options.integer("senders", 10);
        int stepSeconds = options.integer("step-seconds", 10);
        int warmupSeconds = options.integer("warmup-seconds", 10);
        Ladder ladder = new Ladder(options.decimals("rates"), options.decimal("start-deliveries", 20_000),
                options.decimal("factor", 1.5), options.integer("max-steps", 10));
        int messageBytes = options.integer("message-bytes", 100);
        Duration drain = Duration.ofSeconds(options.integer("drain-seconds", 30));
        result.parameter("members (M)", Arrays.toString(sizes)).parameter("senders", senders)
                .parameter("step seconds", stepSeconds).parameter("warm-up seconds", warmupSeconds)
                .parameter("rates", ladder.messageRates().isEmpty()
                        ? String.format("from %s deliveries/s, x%s a step, at most %d steps",
                                Numbers.format(ladder.startDeliveries()), ladder.factor(), ladder.maxSteps())
                        : ladder.messageRates() + " messages/s")
                .parameter("message bytes", messageBytes);

        List<Panel> latencies = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            // A flight recording, when asked for, covers the ladder of the first group size.
            Path jfr = i == 0 ? context.flightRecording() : null;
            latencies.add(fanOut(context, result, sizes[i], Math.min(senders, sizes[i]), warmupSeconds, stepSeconds,
                    ladder, drain, MessageBodies.text("x".repeat(messageBytes)), jfr));
        }
        if (context.flightRecording() != null) {
            result.note("JFR profile of the server taken during the rate ladder of M=" + sizes[0]);
        }
        Figures.connections(result, context.connectionStats());
        result.panel(Figures.throughput(context.timeline(), "per second", "delivered"));
        latencies.forEach(result::panel);
    }

    /** One group of {@code members} through the ladder; returns its latency chart. */
    private static Panel fanOut(ScenarioContext context, ResultBuilder result, int members, int senderCount,
            int warmupSeconds, int stepSeconds, Ladder ladder, Duration drain, MessageBodies body, Path jfr)
            throws Exception {
        String key = "m" + members;
        String what = "M=" + members;
        List<Account> users = context.population().users(key, members);
        String groupId = context.population().group("fan-out " + members, users);
        Destination group = Destination.group(groupId, members);

        double planned = 0;
        for (int step = 0; step < ladder.steps(); step++) {
            planned += ladder.messagesPerSecond(step, members) * stepSeconds;
        }
        planned += ladder.messagesPerSecond(0, members) * warmupSeconds;
        MessageLedger ledger = new MessageLedger((int) Math.min(Integer.MAX_VALUE - 8, 2 * planned + 10_000),
                context.timeline());
        Inbox.Stats inboxes = new Inbox.Stats();
        List<Inbox> inboxOf = new ArrayList<>();
        users.forEach(u -> inboxOf.add(new Inbox(ledger::received, inboxes)));
        ScenarioContext.Connections connected = context.connectAll(users, key, a -> inboxOf.get(a.index()), 256);
        Figures.connectRetries(result, connected);
        ErrorCounts errors = new ErrorCounts();
        List<Chatter> chatters = new ArrayList<>();
        for (BenchClient client : connected.clients()) {
            int index = client.account().index();
            if (index < senderCount) {
                chatters.add(new Chatter(client, List.of(group), ledger, inboxOf.get(index), errors, body,
                        context.seed() + index));
            }
        }
        ChatLoad load = new ChatLoad(chatters);

        // One message from each sender first: the group's conversation and members are loaded before measuring.
        context.progress().phase(what + ": first message of each sender", () -> ledger.outcome().toString());
        chatters.forEach(c -> c.sendOneEach(List.of(group)));
        DirectThroughput.awaitFirstMessages(context, ledger, chatters.size());
        // Then the first rate, unreported, so that the ladder does not measure the server's JIT warming up.
        if (warmupSeconds > 0) {
            step(context, ledger, load, errors, members, ladder.messagesPerSecond(0, members), warmupSeconds, drain,
                    what + " warm-up");
        }

        List<Step> steps = new ArrayList<>();
        if (jfr != null) {
            context.probe().startFlightRecording(jfr);
        }
        for (int i = 0; i < ladder.steps(); i++) {
            Step step = step(context, ledger, load, errors, members, ladder.messagesPerSecond(i, members), stepSeconds,
                    drain, what + " step " + (i + 1));
            steps.add(step);
            if (!step.roomForMore()) {
                break;
            }
        }
        if (jfr != null) {
            context.probe().stopFlightRecording(jfr);
        }
        // Whatever the last step left behind gets a last chance to arrive: what is still missing then is lost.
        DirectThroughput.drain(context, ledger, drain.multipliedBy(2));
        Panel latencies = report(result, key, what, members, steps, ledger.outcome(), inboxes, errors);
        context.closeAll(connected.clients());
        return latencies;
    }

    private static Step step(ScenarioContext context, MessageLedger ledger, ChatLoad load, ErrorCounts errors,
            int members, double messagesPerSecond, int seconds, Duration drain, String label)
            throws InterruptedException {
        MessageLedger.Outcome before = ledger.outcome();
        Map<String, Long> refusedBefore = errors.byCode();
        long closesBefore = slowCloses(context);
        Latency latency = new Latency();
        double deliveriesAsked = messagesPerSecond * (members - 1);
        context.progress().phase(String.format("%s: %.0f msg/s = %s deliveries/s", label, messagesPerSecond,
                Numbers.format(deliveriesAsked)), () -> {
                    MessageLedger.Outcome o = ledger.outcome();
                    return String.format("sent %,d acked %,d delivered %,d", o.sent(), o.acked(), o.delivered());
                });
        long start = System.nanoTime();
        ledger.measureInto(latency, start);
        CpuUse cpuBefore = CpuUse.now(context);
        load.paced(messagesPerSecond);
        context.hold(Duration.ofSeconds(seconds));
        load.stop();
        long end = System.nanoTime();
        CpuUse cores = CpuUse.now(context).coresSince(cpuBefore, (end - start) / 1e9);
        boolean settled = DirectThroughput.drain(context, ledger, drain);
        MessageLedger.Outcome after = ledger.outcome();
        // The first second of a step is partly the previous pause; the mean of the whole seconds after it.
        double delivered = Figures.meanRate(context.timeline(), "delivered",
                (int) context.timeline().secondsAt(start) + 1, (int) context.timeline().secondsAt(end));
        Map<String, Long> refusals = new LinkedHashMap<>();
        errors.byCode().forEach((code, count) -> {
            long now = count - refusedBefore.getOrDefault(code, 0L);
            if (now > 0) {
                refusals.put(code, now);
            }
        });
        return new Step(messagesPerSecond, deliveriesAsked, delivered, latency, cores.server(), cores.bench(),
                after.lost() - before.lost(), after.duplicated() - before.duplicated(), refusals,
                slowCloses(context) - closesBefore, settled);
    }

    private static Panel report(ResultBuilder result, String key, String what, int members, List<Step> steps,
            MessageLedger.Outcome outcome, Inbox.Stats inboxes, ErrorCounts errors) {
        Step best = null;
        for (Step step : steps) {
            if (step.passed()) {
                best = step;
            }
        }
        Target rateTarget = members == 500 ? Target.atLeast(200_000) : null;
        // Without a passing step the rows stay (n/a), so the table lines up across databases.
        result.metric(key + "-best-deliveries", what + ": highest deliveries/s with p99 < 1 s, nothing lost",
                        best == null ? 0 : best.delivered(), "deliveries/s", rateTarget)
                .metric(key + "-best-messages", what + ": messages/s sent at that step",
                        best == null ? Double.NaN : best.messagesAsked(), "msgs/s")
                .metric(key + "-best-cores", what + ": server CPU at that step",
                        best == null ? Double.NaN : best.serverCores(), "cores")
                .metric(key + "-best-bench-cores", what + ": bench CPU at that step",
                        best == null ? Double.NaN : best.benchCores(), "cores");
        Figures.latency(result, key + "-latency", what + ": latency at that step",
                best == null ? new Latency() : best.latency(), Target.atMost(P99_LIMIT_MILLIS));
        if (best == null) {
            result.note(what + ": no step passed (p99 < 1 s, nothing lost, no slow-member close)");
        }
        result.metric(key + "-steps", what + ": steps run", steps.size(), "steps");
        Figures.ledger(result, key + "-", what + ": ", outcome, inboxes.duplicatePushes());
        result.metric(key + "-out-of-order", what + ": pushed out of seq order", inboxes.outOfOrderPushes(), "msgs",
                        Target.atMost(0))
                .metric(key + "-refusals", what + ": sends refused (error replies)", errors.total(), "frames")
                .metric(key + "-slow-closes", what + ": members closed as too slow (4413)",
                        steps.stream().mapToLong(Step::slowCloses).sum(), "conns", Target.atMost(0));
        if (errors.total() > 0) {
            result.note(what + ": error replies by code " + errors.byCode());
        }
        List<List<String>> rows = new ArrayList<>();
        Map<String, Latency> latencies = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            rows.add(List.of(Integer.toString(i + 1), Numbers.format(s.messagesAsked()),
                    Numbers.format(s.deliveriesAsked()), Numbers.format(s.delivered()),
                    Numbers.format(s.latency().percentileMillis(50)), Numbers.format(s.latency().percentileMillis(99)),
                    Numbers.format(s.latency().percentileMillis(99.9)), Numbers.format(s.serverCores()),
                    Numbers.format(s.benchCores()),
                    s.refusals().isEmpty() ? "0" : s.refusals().toString(),
                    Long.toString(s.lost()) + (s.settled() ? "" : " (drain timed out)"), Long.toString(s.duplicated()),
                    Long.toString(s.slowCloses()), s.passed() ? "✓" : "✗"));
            latencies.put("step " + (i + 1) + ": " + Numbers.format(s.deliveriesAsked()) + "/s", s.latency());
        }
        result.table(new Table(what + ", the rate ladder", List.of("step", "msgs/s asked", "deliveries/s asked",
                "deliveries/s (mean)", "p50 ms", "p99 ms", "p99.9 ms", "server cores", "bench cores", "refused", "lost",
                "duplicated", "slow closes", "p99 < 1 s, none lost"), rows));
        return Figures.latencies(what + ": latency per step", "ms", latencies);
    }

    private static long slowCloses(ScenarioContext context) {
        return context.connectionStats().unexpectedClosesByCode().getOrDefault(TOO_SLOW, 0L);
    }
}
