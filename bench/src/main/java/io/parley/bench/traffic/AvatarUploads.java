package io.parley.bench.traffic;

import io.parley.bench.client.Account;
import io.parley.bench.measure.Latency;
import io.parley.bench.setup.Population;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Users uploading an avatar now and then during a load (multipart over REST), timed; thread-safe. */
public final class AvatarUploads {

    private final Population population;
    private final ScheduledExecutorService scheduler;
    private final Latency latency = new Latency();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicInteger pending = new AtomicInteger();

    public AvatarUploads(Population population, ScheduledExecutorService scheduler) {
        this.population = population;
        this.scheduler = scheduler;
    }

    /** One upload by each of {@code users}, spread evenly over {@code within}. */
    public void spread(List<Account> users, Duration within) {
        pending.addAndGet(users.size());
        long gapNanos = within.toNanos() / Math.max(1, users.size());
        for (int i = 0; i < users.size(); i++) {
            Account user = users.get(i);
            scheduler.schedule(() -> upload(user), i * gapNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** True once every upload asked for has been answered. */
    public boolean done() {
        return pending.get() == 0;
    }

    public Latency latency() {
        return latency;
    }

    public long failures() {
        return failures.get();
    }

    private void upload(Account user) {
        long start = System.nanoTime();
        population.uploadAvatar(user).whenComplete((url, failure) -> {
            if (failure == null) {
                latency.recordNanos(System.nanoTime() - start);
            } else {
                failures.incrementAndGet();
            }
            pending.decrementAndGet();
        });
    }
}
