package io.parley.bench.measure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/** Counts of events per second since the scenario started (sent, delivered, connected, ...). Thread-safe. */
public final class Timeline {

    private static final int MAX_SECONDS = 3600;

    private final long startNanos;
    private final Map<String, AtomicLongArray> series = new ConcurrentHashMap<>();
    private final Map<String, Boolean> order = new LinkedHashMap<>();

    public Timeline(long startNanos) {
        this.startNanos = startNanos;
    }

    public long startNanos() {
        return startNanos;
    }

    public void count(String name, long atNanos) {
        int second = (int) ((atNanos - startNanos) / 1_000_000_000L);
        if (second >= 0 && second < MAX_SECONDS) {
            seriesOf(name).incrementAndGet(second);
        }
    }

    /** Seconds since the start, as a double. */
    public double secondsAt(long nanos) {
        return (nanos - startNanos) / 1e9;
    }

    /** Per-second counts of one series from second {@code from} (inclusive) to {@code to} (exclusive). */
    public long[] perSecond(String name, int from, int to) {
        AtomicLongArray counts = seriesOf(name);
        long[] out = new long[Math.max(0, to - from)];
        for (int i = 0; i < out.length; i++) {
            out[i] = counts.get(from + i);
        }
        return out;
    }

    /** Every series, each as per-second counts up to now. */
    public Map<String, long[]> snapshot() {
        int seconds = (int) Math.min(MAX_SECONDS, (System.nanoTime() - startNanos) / 1_000_000_000L + 1);
        Map<String, long[]> out = new LinkedHashMap<>();
        synchronized (order) {
            order.keySet().forEach(name -> out.put(name, perSecond(name, 0, seconds)));
        }
        return out;
    }

    private AtomicLongArray seriesOf(String name) {
        AtomicLongArray counts = series.get(name);
        if (counts != null) {
            return counts;
        }
        synchronized (order) {
            order.put(name, true);
            return series.computeIfAbsent(name, n -> new AtomicLongArray(MAX_SECONDS));
        }
    }
}
