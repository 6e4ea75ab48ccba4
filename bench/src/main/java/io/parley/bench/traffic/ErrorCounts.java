package io.parley.bench.traffic;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** ErrorReply frames received, by code. Thread-safe. */
public final class ErrorCounts {

    private final Map<String, LongAdder> byCode = new ConcurrentHashMap<>();

    void count(String code) {
        byCode.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    public long total() {
        return byCode.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public Map<String, Long> byCode() {
        Map<String, Long> copy = new TreeMap<>();
        byCode.forEach((code, count) -> copy.put(code, count.sum()));
        return copy;
    }
}
