package io.parley.bench.traffic;

import io.parley.bench.client.Account;
import io.parley.bench.client.BenchClient;
import io.parley.bench.client.ClientLoop;
import io.parley.bench.client.ConnectionStats;
import io.parley.bench.client.Endpoint;
import io.parley.bench.measure.Latency;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A device that comes and goes, as a phone does: online for a while, then offline, then back, syncing what
 * it missed each time it reconnects. Its {@link Inbox} survives the reconnects, so each sync asks only for what
 * is new. Once stopped it comes back one last time (if it was away) and stays online.
 */
public final class Churner {

    private final ClientLoop loop;
    private final Endpoint endpoint;
    private final Account account;
    private final String deviceId;
    private final Inbox inbox;
    private final ConnectionStats stats;
    private final ScheduledExecutorService scheduler;
    private final Latency reconnectTimes;
    private final SplittableRandom random;
    private final long[] onlineMillis;
    private final long[] offlineMillis;
    private final AtomicLong syncs = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile String lastFailure;
    private volatile boolean running = true;
    private volatile boolean online;
    private volatile BenchClient current;
    private long nextRef = 1;

    /**
     * @param onlineMillis  range [min, max) of how long it stays connected
     * @param offlineMillis range [min, max) of how long it stays away
     */
    public Churner(ClientLoop loop, Endpoint endpoint, Account account, String deviceId, Inbox inbox,
            ConnectionStats stats, ScheduledExecutorService scheduler, Latency reconnectTimes, long seed,
            long[] onlineMillis, long[] offlineMillis) {
        this.loop = loop;
        this.endpoint = endpoint;
        this.account = account;
        this.deviceId = deviceId;
        this.inbox = inbox;
        this.stats = stats;
        this.scheduler = scheduler;
        this.reconnectTimes = reconnectTimes;
        this.random = new SplittableRandom(seed);
        this.onlineMillis = onlineMillis.clone();
        this.offlineMillis = offlineMillis.clone();
    }

    public void start() {
        connectAndSync();
    }

    /** No more going away; a device that is away comes back and syncs. */
    public void stop() {
        running = false;
    }

    /** Online and synced since its last connect. */
    public boolean isOnline() {
        return online;
    }

    public long syncs() {
        return syncs.get();
    }

    public long failures() {
        return failures.get();
    }

    /** Why the last failed reconnect failed, or null. */
    public String lastFailure() {
        return lastFailure;
    }

    public BenchClient client() {
        return current;
    }

    private void connectAndSync() {
        long started = System.nanoTime();
        BenchClient.connect(loop, endpoint, account, deviceId, inbox, stats)
                .thenCompose(client -> CompletableFuture.supplyAsync(() -> {
                    current = client;
                    return inbox.sync(client, nextRef++, false);
                }, client.eventLoop()).thenCompose(done -> done))
                .whenComplete((synced, failure) -> {
                    if (failure != null) {
                        failures.incrementAndGet();
                        lastFailure = failure.toString();
                        scheduler.schedule(this::connectAndSync, 1, TimeUnit.SECONDS);
                        return;
                    }
                    reconnectTimes.recordNanos(System.nanoTime() - started);
                    syncs.incrementAndGet();
                    online = true;
                    if (running) {
                        scheduler.schedule(this::goAway, between(onlineMillis), TimeUnit.MILLISECONDS);
                    }
                });
    }

    private void goAway() {
        if (!running) {
            return;
        }
        online = false;
        current.close().whenComplete((code, failure) ->
                scheduler.schedule(this::connectAndSync, between(offlineMillis), TimeUnit.MILLISECONDS));
    }

    private synchronized long between(long[] range) {
        return range[0] + random.nextLong(Math.max(1, range[1] - range[0]));
    }
}
