package io.parley.bench.client;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What all connections of a run did besides chat: heartbeats and closes. Thread-safe. */
public final class ConnectionStats {

    private final LongAdder pingsSent = new LongAdder();
    private final LongAdder pongsReceived = new LongAdder();
    private final Map<Integer, LongAdder> unexpectedCloses = new ConcurrentHashMap<>();

    void pingSent() {
        pingsSent.increment();
    }

    void pongReceived() {
        pongsReceived.increment();
    }

    /** A close the bench did not ask for, by close code (-1: the socket ended without a close frame). */
    void closedByServer(int code) {
        unexpectedCloses.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    public long pingsSent() {
        return pingsSent.sum();
    }

    public long pongsReceived() {
        return pongsReceived.sum();
    }

    public long unexpectedCloses() {
        return unexpectedCloses.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public Map<Integer, Long> unexpectedClosesByCode() {
        Map<Integer, Long> copy = new TreeMap<>();
        unexpectedCloses.forEach((code, count) -> copy.put(code, count.sum()));
        return copy;
    }
}
