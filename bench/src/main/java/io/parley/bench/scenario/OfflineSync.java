package io.parley.bench.scenario;

import io.parley.bench.Options;
import io.parley.bench.client.Account;
import io.parley.bench.client.BenchClient;
import io.parley.bench.client.FrameListener;
import io.parley.bench.measure.MessageLedger;
import io.parley.bench.report.Metric.Target;
import io.parley.bench.report.Panel;
import io.parley.bench.report.ResultBuilder;
import io.parley.bench.setup.Friendships;
import io.parley.bench.traffic.ChatLoad;
import io.parley.bench.traffic.Chatter;
import io.parley.bench.traffic.Destination;
import io.parley.bench.traffic.ErrorCounts;
import io.parley.bench.traffic.Inbox;
import io.parley.bench.traffic.MessageBodies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * S4: a user misses K messages across C conversations (C friends send while the user is offline), then a device
 * of theirs connects and syncs (docs/PROTOCOL.md "Syncing"). Measures the time from starting the connection
 * until every missed message is held, several rounds (each a new device that holds nothing yet), and checks
 * that each round got exactly the K acked messages.
 */
public final class OfflineSync implements Scenario {

    /** One size to measure: K messages missed across C conversations. */
    record Case(int messages, int conversations, double targetMillis) {

        String key() {
            return messages + "x" + conversations;
        }
    }

    @Override
    public String id() {
        return "S4";
    }

    @Override
    public String title() {
        return "offline sync";
    }

    @Override
    public void run(ScenarioContext context, ResultBuilder result) throws Exception {
        Options options = context.options();
        List<Case> cases = parseCases(options.string("cases", "1000x1:50,10000x100:500"));
        int rounds = options.integer("rounds", 5);
        result.parameter("cases (messages x conversations)", cases.stream().map(Case::key).toList())
                .parameter("rounds per case", rounds);
        List<Panel.Series> perRound = new ArrayList<>();
        for (Case c : cases) {
            double[] millis = runCase(context, c, rounds, result);
            perRound.add(new Panel.Series(c.key(), IntStream.rangeClosed(1, rounds).mapToDouble(i -> i).toArray(), millis));
        }
        result.panel(Figures.throughput(context.timeline(), "messages/s", "sent", "acked", "delivered"));
        result.panel(new Panel("connect + sync until all held, per round", "round", "ms", false, perRound));
    }

    private double[] runCase(ScenarioContext context, Case c, int rounds, ResultBuilder result) throws Exception {
        String group = "k" + c.messages() + "c" + c.conversations();
        Account target = context.population().users(group + "to", 1).get(0);
        List<Account> senders = context.population().users(group + "from", c.conversations());
        context.population().befriend(Friendships.star(target, senders));

        MessageLedger ledger = seed(context, c, target, senders, result);
        Inbox.Stats stats = new Inbox.Stats();
        double[] totalMillis = new double[rounds];
        double[] syncMillis = new double[rounds];
        long lost = 0;
        for (int round = 0; round < rounds; round++) {
            // The first round's device is the one the messages were meant for; later rounds are new devices.
            Inbox inbox = new Inbox(round == 0 ? ledger::received : Inbox.Sink.NONE, stats);
            Timing timing = syncOnce(context, target, group + "-r" + round, inbox);
            totalMillis[round] = timing.totalMillis();
            syncMillis[round] = timing.syncMillis();
            lost += Math.max(0, c.messages() - inbox.heldCount());
        }
        String k = "s4-" + c.key();
        String what = c.messages() + " missed in " + c.conversations() + " conversation" + (c.conversations() > 1 ? "s" : "");
        MessageLedger.Outcome outcome = ledger.outcome();
        result.metric(k + "-total", what + ": connect to all held (median)", Figures.median(totalMillis), "ms",
                        Double.isNaN(c.targetMillis()) ? null : Target.atMost(c.targetMillis()))
                .metric(k + "-sync", what + ": sync request to all held (median)", Figures.median(syncMillis), "ms")
                .metric(k + "-worst", what + ": slowest round", max(totalMillis), "ms")
                .metric(k + "-rate", what + ": messages synced per second (median round)",
                        c.messages() / (Figures.median(totalMillis) / 1000), "msgs/s")
                .metric(k + "-lost", what + ": lost (all rounds)", lost, "msgs", Target.atMost(0))
                .metric(k + "-duplicated", what + ": duplicated (all rounds)",
                        stats.duplicatePushes() + stats.pushedAndSynced() + outcome.duplicated(), "msgs",
                        Target.atMost(0))
                .metric(k + "-seq-mismatch", what + ": synced seq differs from ack seq", outcome.seqMismatches(), "msgs",
                        Target.atMost(0));
        return totalMillis;
    }

    /** The friends send K messages in all to the offline target; returns once every one is acked. */
    private static MessageLedger seed(ScenarioContext context, Case c, Account target, List<Account> senders,
            ResultBuilder result) throws InterruptedException {
        ScenarioContext.Connections connected = context.connectAll(senders, "sender", a -> FrameListener.IGNORE, 256);
        Figures.connectRetries(result, connected);
        MessageLedger ledger = new MessageLedger(c.messages(), context.timeline());
        ErrorCounts errors = new ErrorCounts();
        List<Chatter> chatters = new ArrayList<>();
        for (BenchClient client : connected.clients()) {
            chatters.add(new Chatter(client, List.of(Destination.friend(target)), ledger,
                    new Inbox(Inbox.Sink.NONE, new Inbox.Stats()), errors, MessageBodies.text("missed while offline"),
                    context.seed()));
        }
        ChatLoad load = new ChatLoad(chatters);
        long perSender = (c.messages() + c.conversations() - 1) / c.conversations();
        context.progress().phase("sending " + c.messages() + " messages to an offline user", () -> {
            MessageLedger.Outcome o = ledger.outcome();
            return o.acked() + "/" + c.messages() + " acked";
        });
        load.closedLoop(16, perSender);
        boolean allAcked = context.awaitUntil(() -> ledger.outcome().acked() + ledger.outcome().refused() >= c.messages(),
                Duration.ofMinutes(5));
        if (!allAcked || ledger.outcome().acked() != c.messages()) {
            throw new IllegalStateException("seeding acked " + ledger.outcome().acked() + " of " + c.messages()
                    + " messages; errors " + errors.byCode());
        }
        context.closeAll(connected.clients());
        return ledger;
    }

    private record Timing(double totalMillis, double syncMillis) {
    }

    /** A new device of the target connects and syncs until nothing more is missing. */
    private static Timing syncOnce(ScenarioContext context, Account target, String deviceId, Inbox inbox)
            throws Exception {
        context.progress().phase("device " + deviceId + " syncing", () -> inbox.heldCount() + " held");
        long start = System.nanoTime();
        long[] welcomedAt = new long[1];
        long[] doneAt = new long[1];
        BenchClient client = BenchClient.connect(context.loop(), context.endpoint(), target, deviceId, inbox,
                        context.connectionStats())
                .thenCompose(connected -> CompletableFuture.supplyAsync(() -> {
                    welcomedAt[0] = System.nanoTime();
                    return inbox.sync(connected, 1, true);
                }, connected.eventLoop()).thenCompose(done -> done).thenApply(count -> {
                    doneAt[0] = System.nanoTime();
                    return connected;
                }))
                .get(2, TimeUnit.MINUTES);
        long end = doneAt[0];
        client.close().get(10, TimeUnit.SECONDS);
        return new Timing((end - start) / 1e6, (end - welcomedAt[0]) / 1e6);
    }

    static List<Case> parseCases(String spec) {
        List<Case> cases = new ArrayList<>();
        for (String part : spec.split(",")) {
            String[] sizeAndTarget = part.trim().split(":");
            String[] size = sizeAndTarget[0].split("x");
            cases.add(new Case(Integer.parseInt(size[0]), Integer.parseInt(size[1]),
                    sizeAndTarget.length > 1 ? Double.parseDouble(sizeAndTarget[1]) : Double.NaN));
        }
        return cases;
    }

    private static double max(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }
}
