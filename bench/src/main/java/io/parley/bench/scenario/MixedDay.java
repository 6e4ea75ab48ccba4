package io.parley.bench.scenario;

import io.parley.bench.Options;
import io.parley.bench.client.Account;
import io.parley.bench.client.BenchClient;
import io.parley.bench.measure.Latency;
import io.parley.bench.measure.MessageLedger;
import io.parley.bench.measure.ServerProbe.MemorySample;
import io.parley.bench.report.Metric.Target;
import io.parley.bench.report.ResultBuilder;
import io.parley.bench.setup.Friendships;
import io.parley.bench.traffic.AvatarUploads;
import io.parley.bench.traffic.ChatLoad;
import io.parley.bench.traffic.Chatter;
import io.parley.bench.traffic.Churner;
import io.parley.bench.traffic.ErrorCounts;
import io.parley.bench.traffic.Destination;
import io.parley.bench.traffic.Inbox;
import io.parley.bench.traffic.MessageBodies;
import io.parley.protocol.MessageType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * S5: a day in the life, compressed. Most devices sit idle with heartbeats, some users chat 1:1 at a human-ish
 * pace, a few members of some groups write to their group, a share of the messages are media messages (a url
 * and a content type, see {@link MessageBodies}), a few users upload an avatar, and some devices keep going away
 * and coming back, syncing what they missed. Runs for a fixed time and reports connections, memory, throughput,
 * latency (1:1 and group apart), reconnect-and-sync times, upload times, and that nothing was lost, also for the
 * devices that were away when their messages were sent.
 */
public final class MixedDay implements Scenario {

    private static final double KB = 1024;

    @Override
    public String id() {
        return "S5";
    }

    @Override
    public String title() {
        return "mixed day in the life";
    }

    @Override
    public void run(ScenarioContext context, ResultBuilder result) throws Exception {
        Options options = context.options();
        int n = options.integer("connections", 2000);
        int chatting = (int) Math.round(n * options.decimal("chatting-share", 0.10));
        int churning = (int) Math.round(n * options.decimal("churning-share", 0.05));
        double ratePerChatter = options.decimal("messages-per-chatter-second", 1.0);
        int friends = options.integer("friends", 4);
        int seconds = options.integer("seconds", 60);
        int warmup = Math.min(options.integer("warmup-seconds", 5), seconds / 2);
        long[] online = {options.integer("online-min-ms", 5000), options.integer("online-max-ms", 15000)};
        long[] offline = {options.integer("offline-min-ms", 2000), options.integer("offline-max-ms", 8000)};
        int groupSize = Math.min(n, options.integer("group-size", 30));
        int sendersPerGroup = Math.min(groupSize, options.integer("group-senders", 3));
        // Group senders are idle users of their own (a device has one sending role); as many groups as fit.
        int groups = Math.min(options.integer("groups", 10), (n - chatting - churning) / Math.max(1, sendersPerGroup));
        double ratePerGroupSender = options.decimal("group-messages-per-sender-second", 0.5);
        double mediaShare = options.decimal("media-share", 0.1);
        int uploads = options.integer("avatar-uploads", 20);
        result.parameter("devices", n).parameter("chatting users", chatting).parameter("coming-and-going devices", churning)
                .parameter("idle devices", n - chatting - churning - groups * sendersPerGroup)
                .parameter("messages per chatting user per second", ratePerChatter).parameter("friends per user", friends)
                .parameter("seconds", seconds)
                .parameter("online ms (min-max)", online[0] + "-" + online[1])
                .parameter("away ms (min-max)", offline[0] + "-" + offline[1])
                .parameter("groups", groups).parameter("members per group", groupSize)
                .parameter("senders per group", sendersPerGroup)
                .parameter("messages per group sender per second", ratePerGroupSender)
                .parameter("media share of messages", mediaShare).parameter("avatar uploads", uploads);

        List<Account> users = context.population().users("mix", n);
        List<Account[]> pairs = Friendships.ring(users, friends);
        context.population().befriend(pairs);
        List<List<Account>> friendsOf = Friendships.friendsOf(users, pairs);
        List<Destination> groupOf = createGroups(context, users, chatting, groups, groupSize, sendersPerGroup);
        MessageBodies bodies = MessageBodies.text("how is your day going?")
                .withMedia(mediaShare, context.population().uploadAvatar(users.get(0)).join());

        MessageLedger ledger = new MessageLedger(options.integer("max-messages", 2_000_000), context.timeline());
        MessageLedger groupLedger = new MessageLedger("group", options.integer("max-messages", 2_000_000),
                context.timeline());
        Inbox.Sink sink = (message, nanos, pushed) -> (message.getMessageType() == MessageType.GROUP ? groupLedger
                : ledger).received(message, nanos, pushed);
        Inbox.Stats inboxStats = new Inbox.Stats();
        ErrorCounts errors = new ErrorCounts();
        List<Inbox> inboxes = new ArrayList<>();
        users.forEach(u -> inboxes.add(new Inbox(sink, inboxStats)));

        // Chatting users first, then the idle; the coming-and-going devices connect on their own below.
        List<Account> steady = users.subList(0, n - churning);
        context.probe().collectGarbage();
        MemorySample before = context.probe().memory();
        ScenarioContext.Connections connected = context.connectAll(steady, "mix", a -> inboxes.get(a.index()), 256);
        Figures.connectRetries(result, connected);
        context.probe().collectGarbage();
        MemorySample after = context.probe().memory();
        long open = connected.clients().size();

        List<Chatter> chatters = new ArrayList<>();
        List<Chatter> groupChatters = new ArrayList<>();
        for (BenchClient client : connected.clients()) {
            Account me = client.account();
            if (me.index() < chatting) {
                chatters.add(new Chatter(client, Destination.friends(friendsOf.get(me.index())), ledger,
                        inboxes.get(me.index()), errors, bodies, context.seed() + me.index()));
            } else if (me.index() < chatting + groupOf.size()) {
                groupChatters.add(new Chatter(client, List.of(groupOf.get(me.index() - chatting)), groupLedger,
                        inboxes.get(me.index()), errors, bodies, context.seed() + me.index()));
            }
        }
        ChatLoad load = new ChatLoad(chatters);
        ChatLoad groupLoad = new ChatLoad(groupChatters);

        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        Latency reconnects = new Latency();
        List<Churner> churners = new ArrayList<>();
        for (Account account : users.subList(n - churning, n)) {
            churners.add(new Churner(context.loop(), context.endpoint(), account, "mix-" + account.index(),
                    inboxes.get(account.index()), context.connectionStats(), scheduler, reconnects,
                    context.seed() + account.index(), online, offline));
        }

        Latency latency = new Latency();
        Latency groupLatency = new Latency();
        long start = System.nanoTime();
        ledger.measureInto(latency, start + Duration.ofSeconds(warmup).toNanos());
        groupLedger.measureInto(groupLatency, start + Duration.ofSeconds(warmup).toNanos());
        AvatarUploads avatars = new AvatarUploads(context.population(), scheduler);
        double serverCpu0 = context.probe().cpuSeconds();
        context.progress().phase("mixed load for " + seconds + " s", () -> {
            MessageLedger.Outcome o = ledger.outcome();
            MessageLedger.Outcome g = groupLedger.outcome();
            return String.format("sent %,d delivered %,d, group sent %,d delivered %,d, %d away, %d reconnects",
                    o.sent(), o.delivered(), g.sent(), g.delivered(),
                    churners.stream().filter(c -> !c.isOnline()).count(),
                    churners.stream().mapToLong(Churner::syncs).sum());
        });
        churners.forEach(Churner::start);
        if (chatting > 0) {
            load.paced(chatting * ratePerChatter);
        }
        if (!groupChatters.isEmpty()) {
            groupLoad.paced(groupChatters.size() * ratePerGroupSender);
        }
        avatars.spread(users.subList(0, Math.min(uploads, n)), Duration.ofSeconds(seconds));
        context.hold(Duration.ofSeconds(seconds));
        load.stop();
        groupLoad.stop();
        churners.forEach(Churner::stop);
        long end = System.nanoTime();
        double serverCores = Figures.cores(serverCpu0, context.probe().cpuSeconds(), (end - start) / 1e9);

        context.progress().phase("devices that are away come back and sync", () ->
                churners.stream().filter(Churner::isOnline).count() + "/" + churners.size() + " back");
        boolean allBack = context.awaitUntil(() -> churners.stream().allMatch(Churner::isOnline), Duration.ofSeconds(60));
        if (!allBack) {
            result.note("not every coming-and-going device came back within 60 s");
        }
        DirectThroughput.drain(context, ledger, Duration.ofSeconds(30));
        DirectThroughput.drain(context, groupLedger, Duration.ofSeconds(30));
        context.awaitUntil(avatars::done, Duration.ofSeconds(30));
        scheduler.shutdownNow();

        int from = (int) context.timeline().secondsAt(start) + warmup;
        int to = (int) context.timeline().secondsAt(end);
        result.metric("devices", "devices connected", open + churners.stream().filter(Churner::isOnline).count(),
                        "conns", Target.atLeast(n))
                .metric("connect-rate", "connect rate (to Welcome)", connected.perSecond(), "conns/s")
                .metric("rss-per-conn", "server RSS per connection",
                        open == 0 ? Double.NaN : (after.rss() - before.rss()) / open / KB, "KB")
                .metric("jvm-per-conn", "server heap + direct per connection", open == 0 ? Double.NaN
                        : (after.heap() + after.direct() - before.heap() - before.direct()) / open / KB, "KB")
                .metric("delivered-rate", "delivered (median of seconds)",
                        Figures.medianRate(context.timeline(), "delivered", from, to), "msgs/s")
                .metric("server-cores", "server CPU during the mix", serverCores, "cores");
        Figures.latency(result, "latency", "push latency", latency, Target.atMost(10));
        result.metric("group-delivered-rate", "group messages delivered to member devices (median of seconds)",
                Figures.medianRate(context.timeline(), "group delivered", from, to), "msgs/s");
        Figures.latency(result, "group-latency", "group push latency", groupLatency, null);
        result.metric("avatar-uploads", "avatar uploads (multipart)", avatars.latency().count(), "uploads")
                .metric("avatar-upload-failures", "avatar uploads that failed", avatars.failures(), "uploads",
                        Target.atMost(0))
                .metric("avatar-upload-p50", "avatar upload p50", avatars.latency().percentileMillis(50), "ms")
                .metric("avatar-upload-max", "avatar upload max", avatars.latency().maxMillis(), "ms");
        result.metric("reconnects", "reconnects with sync", churners.stream().mapToLong(Churner::syncs).sum(), "conns")
                .metric("reconnect-failures", "reconnects that failed", churners.stream().mapToLong(Churner::failures).sum(),
                        "conns", Target.atMost(0))
                .metric("reconnect-p50", "reconnect + sync p50", reconnects.percentileMillis(50), "ms")
                .metric("reconnect-p99", "reconnect + sync p99", reconnects.percentileMillis(99), "ms")
                .metric("pushed-and-synced", "received both pushed and synced (allowed)", inboxStats.pushedAndSynced(),
                        "msgs");
        churners.stream().map(Churner::lastFailure).filter(f -> f != null).distinct().limit(3)
                .forEach(failure -> result.note("a reconnect failed: " + failure));
        Figures.messages(result, ledger.outcome(), inboxStats, errors);
        Figures.ledger(result, "group-", "group: ", groupLedger.outcome(), 0);
        Figures.connections(result, context.connectionStats());
        result.panel(Figures.throughput(context.timeline(), "per second", "sent", "delivered", "group sent",
                "group delivered", "connected"));
        Map<String, Latency> latencies = new LinkedHashMap<>();
        latencies.put("push latency 1:1", latency);
        latencies.put("push latency group", groupLatency);
        latencies.put("reconnect + sync", reconnects);
        result.panel(Figures.latencies("latency", "ms", latencies));

        List<BenchClient> all = new ArrayList<>(connected.clients());
        churners.stream().map(Churner::client).filter(c -> c != null).forEach(all::add);
        context.closeAll(all);
    }

    /**
     * {@code groups} open groups of {@code size} members, made before anyone connects. Group g is owned by user
     * {@code firstSender + g * senders} and the next senders - 1 users (its senders, idle users otherwise); the
     * other members are drawn at random from everyone else, so 1:1 chatters, idle and coming-and-going devices all
     * get group messages. Returns each group sender's destination, in sender order.
     */
    private static List<Destination> createGroups(ScenarioContext context, List<Account> users, int firstSender,
            int groups, int size, int senders) {
        List<Destination> destinations = new ArrayList<>();
        Random random = new Random(context.seed());
        for (int g = 0; g < groups; g++) {
            int from = firstSender + g * senders;
            List<Account> members = new ArrayList<>(users.subList(from, from + senders));
            List<Account> others = new ArrayList<>(users);
            others.removeAll(members);
            Collections.shuffle(others, random);
            members.addAll(others.subList(0, size - senders));
            Destination group = Destination.group(context.population().group("day " + g, members), size);
            for (int i = 0; i < senders; i++) {
                destinations.add(group);
            }
        }
        return destinations;
    }
}
