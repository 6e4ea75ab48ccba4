package io.parley.bench.traffic;

import io.parley.protocol.Frame;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What a device puts on the wire, and when, once the server has refused some of its sends as retryable (BUSY,
 * STORE_UNAVAILABLE): as a chat app's outbox does, the refused messages are sent again after a
 * {@link RetryBackoff} that grows while refusals continue, and messages written meanwhile are held until the
 * retried ones are acked. Holding keeps the device's messages in the order they were written, and it keeps an
 * overloaded server from being sent each device's whole backlog again on every retry: each device then has
 * one retry at a time outstanding, not one per waiting message. Not thread-safe: one device's event loop.
 */
final class SendOrder {

    /** Runs a task later, on the device's thread. */
    interface Scheduler {
        void schedule(Runnable task, long delayMillis);
    }

    private final Consumer<Frame> wire;
    private final Scheduler scheduler;
    private final SplittableRandom random;
    /** Written while earlier messages wait for their retry; sent, in order, once those are acked. */
    private final ArrayDeque<Frame> held = new ArrayDeque<>();
    /** Refused and waiting for the retry, by ref (the order they were written). */
    private final TreeMap<Long, Frame> refused = new TreeMap<>();
    /** Sent again and not answered yet. */
    private final Set<Long> retried = new HashSet<>();
    private boolean retryScheduled;
    private int refusalsInARow;

    SendOrder(Consumer<Frame> wire, Scheduler scheduler, SplittableRandom random) {
        this.wire = wire;
        this.scheduler = scheduler;
        this.random = random;
    }

    /** A newly written message: sent now, or held behind messages that wait for their retry. */
    void send(Frame frame) {
        if (holding()) {
            held.add(frame);
        } else {
            wire.accept(frame);
        }
    }

    /** The server refused {@code frame} as retryable: it is sent again after a wait. */
    void refused(Frame frame) {
        retried.remove(frame.getRef());
        refused.put(frame.getRef(), frame);
        refusalsInARow++;
        if (!retryScheduled) {
            retryScheduled = true;
            scheduler.schedule(this::retry, RetryBackoff.delayMillis(refusalsInARow, random));
        }
    }

    /** The server answered {@code ref} for good (an ack, or a refusal not worth retrying). */
    void answered(long ref) {
        if (retried.remove(ref) && !holding()) {
            refusalsInARow = 0;
            while (!held.isEmpty()) {
                wire.accept(held.poll());
            }
        }
    }

    /** Messages written but not sent yet, because earlier ones wait for their retry. */
    int held() {
        return held.size();
    }

    private void retry() {
        retryScheduled = false;
        while (!refused.isEmpty()) {
            Frame frame = refused.pollFirstEntry().getValue();
            retried.add(frame.getRef());
            wire.accept(frame);
        }
    }

    private boolean holding() {
        return retryScheduled || !refused.isEmpty() || !retried.isEmpty();
    }
}
