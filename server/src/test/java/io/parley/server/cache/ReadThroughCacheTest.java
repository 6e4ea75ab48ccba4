package io.parley.server.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Loads on a miss, keeps until evicted, never keeps a load that overlapped an eviction. */
class ReadThroughCacheTest {

    private final AtomicInteger loads = new AtomicInteger();

    private String load(String key) {
        return key + "#" + loads.incrementAndGet();
    }

    @Test
    void loadsOnceAndServesFromMemoryUntilEvicted() {
        ReadThroughCache<String, String> cache = ReadThroughCache.unbounded();

        assertThat(cache.get("a", this::load)).isEqualTo("a#1");
        assertThat(cache.get("a", this::load)).isEqualTo("a#1");
        assertThat(cache.get("b", this::load)).isEqualTo("b#2");

        cache.evict("a");
        assertThat(cache.get("a", this::load)).isEqualTo("a#3");
        assertThat(cache.get("b", this::load)).isEqualTo("b#2");
    }

    @Test
    void nothingFoundIsNotRemembered() {
        ReadThroughCache<String, String> cache = ReadThroughCache.unbounded();

        assertThat(cache.get("a", key -> {
            loads.incrementAndGet();
            return null;
        })).isNull();
        assertThat(cache.get("a", this::load)).isEqualTo("a#2");
    }

    @Test
    void aBoundedCacheDropsEntriesBeyondItsSize() {
        ReadThroughCache<Integer, String> cache = ReadThroughCache.bounded(10);
        for (int i = 0; i < 1000; i++) {
            cache.get(i, key -> "v" + key);
        }
        AtomicInteger reloaded = new AtomicInteger();
        for (int i = 0; i < 1000; i++) {
            cache.get(i, key -> {
                reloaded.incrementAndGet();
                return "v" + key;
            });
        }
        assertThat(reloaded.get()).isGreaterThan(900);
    }

    @Test
    void aLoadOverlappingAnEvictionIsReturnedButNotKept() throws Exception {
        ReadThroughCache<String, String> cache = ReadThroughCache.unbounded();
        CountDownLatch loadStarted = new CountDownLatch(1);
        CountDownLatch evicted = new CountDownLatch(1);

        // The load reads the database just before a change commits, and the change's eviction overtakes it.
        CompletableFuture<String> overlapping = CompletableFuture.supplyAsync(() -> cache.get("a", key -> {
            loadStarted.countDown();
            await(evicted);
            return "old";
        }));
        assertThat(loadStarted.await(10, TimeUnit.SECONDS)).isTrue();
        cache.evict("a");
        evicted.countDown();

        assertThat(overlapping.get(10, TimeUnit.SECONDS)).isEqualTo("old");
        assertThat(cache.get("a", key -> "new")).isEqualTo("new");
        assertThat(cache.get("a", key -> "newer")).isEqualTo("new");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
