package io.parley.bench.measure;

import io.parley.protocol.ChatMessage;
import io.parley.protocol.SendAck;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The book of every chat message a scenario sends: when it was sent, its ack (conversation seq), and each time
 * it reached a recipient device. Messages are numbered by the bench; the number is the client message id, so
 * every Deliver (or synced message) is matched to its send exactly. A message acked but never received by a
 * device it was meant for is lost; received more often than meant is duplicated. A scenario may keep several
 * ledgers side by side (1:1 and group messages, say): each has a name, which prefixes its client message ids and
 * its timeline series ("group delivered").
 */
public final class MessageLedger {

    private final String idPrefix;
    private final String seriesPrefix;
    private final int capacity;
    private final Timeline timeline;
    private final AtomicLong next = new AtomicLong();
    private final AtomicLongArray sentNanos;
    private final AtomicLongArray ackSeq;
    private final AtomicLongArray receivedSeq;
    private final AtomicIntegerArray expected;
    private final AtomicIntegerArray receipts;
    /** Per message, how many of its receipts {@link #deliveredOfAcked} counts already. */
    private final AtomicIntegerArray credited;
    private final LongAdder acked = new LongAdder();
    private final LongAdder expectedOfAcked = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    /** Receipts of acked messages, up to what each was meant for: kept as they come, not summed per look. */
    private final LongAdder deliveredOfAcked = new LongAdder();
    private final LongAdder duplicated = new LongAdder();
    private final LongAdder seqMismatches = new LongAdder();
    private final LongAdder foreign = new LongAdder();
    private volatile Latency latency;
    private volatile long measureFromNanos = Long.MAX_VALUE;

    public MessageLedger(int capacity, Timeline timeline) {
        this("", capacity, timeline);
    }

    /** @param name tells this ledger's messages and series apart from another ledger's in the same run */
    public MessageLedger(String name, int capacity, Timeline timeline) {
        this.idPrefix = "b" + name;
        this.seriesPrefix = name.isEmpty() ? "" : name + " ";
        this.capacity = capacity;
        this.timeline = timeline;
        this.sentNanos = new AtomicLongArray(capacity);
        this.ackSeq = new AtomicLongArray(capacity);
        this.receivedSeq = new AtomicLongArray(capacity);
        this.expected = new AtomicIntegerArray(capacity);
        this.receipts = new AtomicIntegerArray(capacity);
        this.credited = new AtomicIntegerArray(capacity);
    }

    /** From now on, latencies of messages sent from {@code fromNanos} on go to {@code latency}. */
    public void measureInto(Latency latency, long fromNanos) {
        this.latency = latency;
        this.measureFromNanos = fromNanos;
    }

    public boolean isFull() {
        return next.get() >= capacity;
    }

    /** Numbers a new message meant for {@code expectedReceipts} devices; -1 when the ledger is full. */
    public int newMessage(int expectedReceipts) {
        long index = next.getAndIncrement();
        if (index >= capacity) {
            return -1;
        }
        expected.set((int) index, expectedReceipts);
        return (int) index;
    }

    public String clientMessageId(int index) {
        return idPrefix + index;
    }

    /** The message is being written to the socket now. */
    public void sent(int index, long nanos) {
        sentNanos.set(index, nanos);
        timeline.count(seriesPrefix + "sent", nanos);
    }

    public void acked(SendAck ack, long nanos) {
        int index = indexOf(ack.getClientMessageId());
        if (index < 0) {
            return;
        }
        if (ackSeq.compareAndSet(index, 0, ack.getSeq())) {
            acked.increment();
            expectedOfAcked.add(expected.get(index));
            timeline.count(seriesPrefix + "acked", nanos);
            long seen = receivedSeq.get(index);
            if (seen != 0 && seen != ack.getSeq()) {
                seqMismatches.increment();
            }
            credit(index);
        } else if (ackSeq.get(index) != ack.getSeq()) {
            seqMismatches.increment();
        }
    }

    /** The server refused the message for good (not retryable): it is neither sent nor lost. */
    public void refused(int index) {
        refused.increment();
    }

    /** A device received the message; only pushed ones count towards latency (a synced one waited offline). */
    public void received(ChatMessage message, long nanos, boolean pushed) {
        int index = indexOf(message.getClientMessageId());
        if (index < 0) {
            return;
        }
        int count = receipts.incrementAndGet(index);
        if (count > expected.get(index)) {
            duplicated.increment();
            return;
        }
        delivered.increment();
        credit(index);
        timeline.count(seriesPrefix + "delivered", nanos);
        receivedSeq.compareAndSet(index, 0, message.getSeq());
        long acknowledged = ackSeq.get(index);
        if (acknowledged != 0 && acknowledged != message.getSeq()) {
            seqMismatches.increment();
        }
        long sent = sentNanos.get(index);
        Latency into = latency;
        if (pushed && into != null && sent >= measureFromNanos) {
            into.recordNanos(nanos - sent);
        }
    }

    /** True when every message sent was acked or refused, and every acked one reached all its devices. */
    public boolean settled() {
        long sent = Math.min(next.get(), capacity);
        return acked.sum() + refused.sum() >= sent && delivered.sum() >= expectedOfAcked.sum();
    }

    public Outcome outcome() {
        long sent = Math.min(next.get(), capacity);
        long ackedNow = acked.sum();
        return new Outcome(sent, ackedNow, refused.sum(), delivered.sum(),
                Math.max(0, expectedOfAcked.sum() - deliveredOfAcked.sum()), duplicated.sum(), seqMismatches.sum(),
                foreign.sum());
    }

    /**
     * Counts the message's receipts into {@link #deliveredOfAcked} once it is acked: a message received but
     * never acked is not counted against loss. Called after its ack and after each receipt, on whichever threads
     * those arrive: the ack's thread writes the ack before reading the receipts and a receipt's thread the other
     * way round, so at least one of them sees both, and the compare-and-set credits each receipt once.
     */
    private void credit(int index) {
        if (ackSeq.get(index) == 0) {
            return;
        }
        int owed = Math.min(receipts.get(index), expected.get(index));
        for (int done = credited.get(index); done < owed; done = credited.get(index)) {
            if (credited.compareAndSet(index, done, owed)) {
                deliveredOfAcked.add(owed - done);
                return;
            }
        }
    }

    private int indexOf(String clientMessageId) {
        if (!clientMessageId.startsWith(idPrefix)) {
            foreign.increment();
            return -1;
        }
        try {
            int index = Integer.parseInt(clientMessageId, idPrefix.length(), clientMessageId.length(), 10);
            if (index >= 0 && index < capacity) {
                return index;
            }
        } catch (NumberFormatException notOurs) {
            // counted below
        }
        foreign.increment();
        return -1;
    }

    /**
     * @param lost          receipts that acked messages still owe (each device that never got one)
     * @param duplicated    receipts beyond what a message was meant for
     * @param seqMismatches a Deliver whose (conversation) seq differs from the seq the ack gave
     * @param foreign       received messages the bench did not send
     */
    public record Outcome(long sent, long acked, long refused, long delivered, long lost, long duplicated,
            long seqMismatches, long foreign) {

        public long unacked() {
            return sent - acked - refused;
        }
    }
}
