package io.parley.bench.scenario;

import io.parley.bench.Options;
import io.parley.bench.client.Account;
import io.parley.bench.client.BenchClient;
import io.parley.bench.client.ClientLoop;
import io.parley.bench.client.ConnectionStats;
import io.parley.bench.client.Endpoint;
import io.parley.bench.client.FrameListener;
import io.parley.bench.client.RestApi;
import io.parley.bench.measure.Latency;
import io.parley.bench.measure.Progress;
import io.parley.bench.measure.ServerProbe;
import io.parley.bench.measure.Timeline;
import io.parley.bench.setup.Population;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * What a scenario works with: the server's address, clients, setup helpers, probes and the clock of the run.
 * {@code flightRecording}: where the server's JFR recording of the scenario's main load goes, or null for none.
 */
public record ScenarioContext(
        Options options,
        Endpoint endpoint,
        RestApi api,
        ClientLoop loop,
        ConnectionStats connectionStats,
        Population population,
        ServerProbe probe,
        Progress progress,
        Timeline timeline,
        long seed,
        Path flightRecording) {

    /** Connections opened (each up to its Welcome), how many failed (with a few reasons), and how long it took. */
    public record Connections(List<BenchClient> clients, int failed, List<String> failures, double seconds,
            Latency handshakes) {

        public double perSecond() {
            return clients.size() / seconds;
        }
    }

    /**
     * Connects one device per account, at most {@code inFlight} handshakes at a time; counts each Welcome in the
     * timeline series {@code connected}. A failed connect is not retried: the caller decides (see
     * {@link #connectAll}).
     */
    public Connections connect(List<Account> accounts, String deviceTag, Function<Account, FrameListener> listeners,
            int inFlight) {
        Semaphore permits = new Semaphore(inFlight);
        List<BenchClient> clients = Collections.synchronizedList(new ArrayList<>(accounts.size()));
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        Latency handshakes = new Latency();
        progress.phase("connecting " + accounts.size() + " devices", () -> clients.size() + " connected, "
                + failed.get() + " failed");
        long start = System.nanoTime();
        List<CompletableFuture<?>> pending = new ArrayList<>(accounts.size());
        for (Account account : accounts) {
            permits.acquireUninterruptibly();
            long started = System.nanoTime();
            pending.add(BenchClient.connect(loop, endpoint, account, deviceTag + "-" + account.index(),
                    listeners.apply(account), connectionStats).whenComplete((client, failure) -> {
                        permits.release();
                        if (failure == null) {
                            long now = System.nanoTime();
                            handshakes.recordNanos(now - started);
                            timeline.count("connected", now);
                            clients.add(client);
                        } else if (failed.incrementAndGet() <= 5) {
                            failures.add(failure.toString());
                        }
                    }));
        }
        pending.forEach(f -> f.exceptionally(failure -> null).join());
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Connections(List.copyOf(clients), failed.get(), List.copyOf(failures), seconds, handshakes);
    }

    /**
     * Like {@link #connect}, but devices that failed to connect get two more tries, as a client would; fails when
     * one still cannot connect. For scenarios that need every device online; the failures of the first try are
     * returned (and should be reported).
     */
    public Connections connectAll(List<Account> accounts, String deviceTag, Function<Account, FrameListener> listeners,
            int inFlight) throws InterruptedException {
        Connections first = connect(accounts, deviceTag, listeners, inFlight);
        List<BenchClient> clients = new ArrayList<>(first.clients());
        for (int attempt = 0; attempt < 2 && clients.size() < accounts.size(); attempt++) {
            TimeUnit.SECONDS.sleep(1);
            java.util.Set<Account> connected = new java.util.HashSet<>();
            clients.forEach(c -> connected.add(c.account()));
            List<Account> missing = accounts.stream().filter(a -> !connected.contains(a)).toList();
            clients.addAll(connect(missing, deviceTag, listeners, inFlight).clients());
        }
        if (clients.size() < accounts.size()) {
            throw new IllegalStateException((accounts.size() - clients.size()) + " devices could not connect after "
                    + "three tries: " + first.failures());
        }
        return new Connections(List.copyOf(clients), first.failed(), first.failures(), first.seconds(),
                first.handshakes());
    }

    /** Closes every client and waits (bounded) until they are gone. */
    public void closeAll(List<BenchClient> clients) {
        progress.phase("closing " + clients.size() + " connections", () -> "");
        clients.forEach(BenchClient::close);
        for (BenchClient client : clients) {
            client.closed().completeOnTimeout(-1, 10, TimeUnit.SECONDS).join();
        }
    }

    /** Waits until {@code condition} holds or {@code timeout} passes; true when it held. */
    public boolean awaitUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return true;
    }

    /** Runs for {@code duration} (a bench phase is bounded by time), returning early if interrupted. */
    public void hold(Duration duration) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    }
}
