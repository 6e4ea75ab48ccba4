package io.parley.bench.traffic;

import io.netty.util.concurrent.ScheduledFuture;
import io.parley.bench.client.BenchClient;
import io.parley.bench.client.FrameListener;
import io.parley.bench.measure.MessageLedger;
import io.parley.protocol.ChatMessage;
import io.parley.protocol.ErrorReply;
import io.parley.protocol.Frame;
import io.parley.protocol.SendMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One sending device: sends messages to its destinations (friends, groups) at random, either in a closed loop (a window of
 * unacked messages, the next sent when an ack comes back) or paced at a fixed period. A retryable refusal
 * (BUSY, STORE_UNAVAILABLE) is sent again with the same client message id after a {@link RetryBackoff}, and
 * messages written meanwhile wait behind it ({@link SendOrder}), as a real client's outbox does; their latency
 * counts from when they were written. It also receives, through its {@link Inbox}. Everything runs on the
 * connection's event loop.
 */
public final class Chatter implements FrameListener {

    private final BenchClient client;
    private final List<Destination> destinations;
    private final MessageLedger ledger;
    private final Inbox inbox;
    private final ErrorCounts errors;
    private final MessageBodies bodies;
    private final SplittableRandom random;
    private final Map<Long, Frame> unacked = new HashMap<>();
    private final SendOrder order;
    private boolean running;
    private int window;
    private long quota = Long.MAX_VALUE;
    private long sentCount;
    private ScheduledFuture<?> pacer;

    public Chatter(BenchClient client, List<Destination> destinations, MessageLedger ledger, Inbox inbox,
            ErrorCounts errors, MessageBodies bodies, long seed) {
        this.client = client;
        this.destinations = List.copyOf(destinations);
        this.ledger = ledger;
        this.inbox = inbox;
        this.errors = errors;
        this.bodies = bodies;
        this.random = new SplittableRandom(seed);
        this.order = new SendOrder(client::send,
                (task, delayMillis) -> client.eventLoop().schedule(task, delayMillis, TimeUnit.MILLISECONDS), random);
        client.listenWith(this);
    }

    public BenchClient client() {
        return client;
    }

    public Inbox inbox() {
        return inbox;
    }

    /** Keeps {@code window} messages unacked until stopped or {@code quota} messages were sent. */
    public void closedLoop(int window, long quota) {
        client.eventLoop().execute(() -> {
            this.running = true;
            this.window = window;
            this.quota = quota;
            for (int i = 0; i < window; i++) {
                sendNew();
            }
        });
    }

    /** Sends one message every {@code periodNanos}, starting after a random part of one period. */
    public void paced(long periodNanos) {
        client.eventLoop().execute(() -> {
            this.running = true;
            this.window = 0;
            long first = random.nextLong(periodNanos);
            pacer = client.eventLoop().scheduleAtFixedRate(this::sendNew, first, periodNanos, TimeUnit.NANOSECONDS);
        });
    }

    /** Sends one message to each of {@code recipients} (e.g. to open the conversations before a measurement). */
    public void sendOneEach(List<Destination> recipients) {
        client.eventLoop().execute(() -> recipients.forEach(to -> {
            int index = ledger.newMessage(to.receipts());
            if (index >= 0) {
                send(index, to);
            }
        }));
    }

    public void stop() {
        client.eventLoop().execute(() -> {
            running = false;
            if (pacer != null) {
                pacer.cancel(false);
            }
        });
    }

    /** Messages sent and not yet answered; read from other threads only as an estimate for progress. */
    public int unacked() {
        return unacked.size();
    }

    @Override
    public void onFrame(BenchClient from, Frame frame, long receivedNanos) {
        switch (frame.getKindCase()) {
            case ACK -> {
                unacked.remove(frame.getRef());
                order.answered(frame.getRef());
                ledger.acked(frame.getAck(), receivedNanos);
                if (window > 0) {
                    sendNew();
                }
            }
            case ERROR -> refused(frame.getRef(), frame.getError());
            default -> inbox.onFrame(from, frame, receivedNanos);
        }
    }

    private void refused(long ref, ErrorReply error) {
        errors.count(error.getCode());
        Frame frame = unacked.get(ref);
        if (frame == null) {
            return;
        }
        if (error.getRetryable() && client.isOpen()) {
            order.refused(frame);
            return;
        }
        unacked.remove(ref);
        order.answered(ref);
        ledger.refused((int) ref);
        if (window > 0) {
            sendNew();
        }
    }

    private void sendNew() {
        if (!running || sentCount >= quota || !client.isOpen() || destinations.isEmpty()) {
            return;
        }
        Destination to = destinations.get(random.nextInt(destinations.size()));
        int index = ledger.newMessage(to.receipts());
        if (index < 0) {
            running = false;
            return;
        }
        send(index, to);
    }

    private void send(int index, Destination to) {
        ChatMessage.Builder message = ChatMessage.newBuilder()
                .setClientMessageId(ledger.clientMessageId(index))
                .setTo(to.to())
                .setMessageType(to.type());
        bodies.fill(message, random);
        Frame frame = Frame.newBuilder().setRef(index).setSend(SendMessage.newBuilder().setMessage(message)).build();
        unacked.put((long) index, frame);
        sentCount++;
        ledger.sent(index, System.nanoTime());
        order.send(frame);
    }
}
