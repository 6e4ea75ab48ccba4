package io.parley.bench.setup;

import io.parley.bench.client.Account;
import io.parley.bench.client.RestApi;
import io.parley.bench.measure.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates a scenario's users and friendships through the REST API, many requests at once. Usernames carry the
 * run's prefix, so runs against the same database never collide.
 */
public final class Population {

    private static final String PASSWORD = "bench-password";

    private final RestApi api;
    private final String prefix;
    private final Progress progress;

    public Population(RestApi api, String prefix, Progress progress) {
        this.api = api;
        this.prefix = prefix;
        this.progress = progress;
    }

    /** Registers and logs in {@code count} users named {@code <prefix>_<group>_<n>}. */
    public List<Account> users(String group, int count) {
        AtomicInteger done = new AtomicInteger();
        progress.phase("setup: " + count + " users (" + group + ")", () -> done.get() + "/" + count + " users");
        List<CompletableFuture<Account>> pending = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pending.add(api.registerAndLogIn(i, prefix + "_" + group + "_" + i, PASSWORD)
                    .whenComplete((account, failure) -> done.incrementAndGet()));
        }
        return pending.stream().map(CompletableFuture::join).toList();
    }

    /** Makes every pair friends: a request each way, the second accepting the first. */
    public void befriend(List<Account[]> pairs) {
        AtomicInteger done = new AtomicInteger();
        progress.phase("setup: " + pairs.size() + " friendships", () -> done.get() + "/" + pairs.size() + " friendships");
        List<CompletableFuture<?>> pending = new ArrayList<>(pairs.size());
        for (Account[] pair : pairs) {
            pending.add(api.requestFriendship(pair[0], pair[1])
                    .thenCompose(request -> api.requestFriendship(pair[1], pair[0]))
                    .whenComplete((accepted, failure) -> done.incrementAndGet()));
        }
        pending.forEach(CompletableFuture::join);
    }
}
