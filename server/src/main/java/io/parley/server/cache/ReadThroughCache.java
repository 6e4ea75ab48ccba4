package io.parley.server.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Values loaded from the database on first use and kept until a committed change evicts them, for lookups
 * the message path makes on every message. Owners call {@link #evict} after the change commits (evicting
 * earlier would let a concurrent reader load and keep the old state again).
 *
 * <p>A load can still overlap a commit: it reads the database just before the change commits, and the
 * change's eviction runs before the load stores its result. Keeping that result would serve the old state
 * until the next change. So every eviction is counted, and a load keeps its result only when no eviction
 * happened while it ran; otherwise it returns what it read without caching it. (The count is shared by all
 * keys: an unrelated eviction costs a concurrent load its caching, never correctness.)
 */
public final class ReadThroughCache<K, V> {

    private final ConcurrentMap<K, V> entries;
    private final AtomicLong evictions = new AtomicLong();

    private ReadThroughCache(ConcurrentMap<K, V> entries) {
        this.entries = entries;
    }

    /** Keeps every loaded value until it is evicted. */
    public static <K, V> ReadThroughCache<K, V> unbounded() {
        return new ReadThroughCache<>(new ConcurrentHashMap<>());
    }

    /** Keeps at most {@code maxEntries} values, dropping the least used beyond that. */
    public static <K, V> ReadThroughCache<K, V> bounded(long maxEntries) {
        return new ReadThroughCache<>(Caffeine.newBuilder().maximumSize(maxEntries).<K, V>build().asMap());
    }

    /**
     * The cached value, or the one {@code load} reads now. A null from {@code load} (nothing there) is returned
     * and not cached, so something created a moment later is found.
     */
    public V get(K key, Function<? super K, ? extends V> load) {
        V cached = entries.get(key);
        if (cached != null) {
            return cached;
        }
        long evictionsBefore = evictions.get();
        V loaded = load.apply(key);
        if (loaded != null) {
            entries.compute(key, (k, current) -> current != null ? current
                    : evictions.get() == evictionsBefore ? loaded : null);
        }
        return loaded;
    }

    /** Forgets the key's value; the next {@link #get} loads it again. */
    public void evict(K key) {
        evictions.incrementAndGet();
        entries.remove(key);
    }
}
