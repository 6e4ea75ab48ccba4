package io.parley.server.message;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The message path's meters: accepted, persisted, delivered, ack latency, commit time and batch size, and the
 * waits between the path's threads (queue, outbox, devices' threads), which say where a slow ack spent its time.
 */
@Component
class MessageMetrics {

    private final Counter accepted;
    private final Counter persisted;
    private final Counter delivered;
    private final Timer ackLatency;
    private final DistributionSummary batchSize;
    private final Timer commitTime;
    private final Timer queueWait;
    private final Timer outboxWait;
    private final Timer handoffWait;

    MessageMetrics(MeterRegistry registry) {
        accepted = Counter.builder("parley.messages.accepted")
                .description("Sends that passed the frame checks and went to the writer").register(registry);
        persisted = Counter.builder("parley.messages.persisted")
                .description("Messages committed to the store").register(registry);
        delivered = Counter.builder("parley.messages.delivered")
                .description("Message frames queued to devices (one per device)").register(registry);
        ackLatency = histogram(registry, "parley.messages.ack.latency",
                "From a send frame's arrival to its ack, through the commit");
        commitTime = histogram(registry, "parley.messages.commit.time",
                "Writing one batch to the store, from its first statement to the end of its commit");
        queueWait = histogram(registry, "parley.messages.queue.wait", "From a send frame's arrival to its writer"
                + " taking it into a batch: behind the commit in progress and the sends queued before it");
        outboxWait = histogram(registry, "parley.messages.outbox.wait", "From a batch's commit to the start of its"
                + " acks and deliveries: behind the batches before it that the devices' threads have not written yet");
        handoffWait = histogram(registry, "parley.messages.handoff.wait", "From a batch's frames handed to the"
                + " devices' threads (the gateway's event loops) to each thread starting to write them");
        batchSize = DistributionSummary.builder("parley.messages.commit.batch.size")
                .description("Messages per commit").baseUnit("messages").publishPercentileHistogram().register(registry);
    }

    /** A timer with a percentile histogram, so that a scrape gives the distribution, not only a mean. */
    private static Timer histogram(MeterRegistry registry, String name, String description) {
        return Timer.builder(name).description(description).publishPercentileHistogram().register(registry);
    }

    void accepted() {
        accepted.increment();
    }

    void committed(int messages, long startedAtNanos) {
        commitTime.record(System.nanoTime() - startedAtNanos, TimeUnit.NANOSECONDS);
        persisted.increment(messages);
        batchSize.record(messages);
    }

    void acked(long acceptedAtNanos) {
        ackLatency.record(System.nanoTime() - acceptedAtNanos, TimeUnit.NANOSECONDS);
    }

    /** The writer took sends that arrived at these times into a batch, now. */
    void takenIntoBatch(List<PendingSend> batch) {
        long now = System.nanoTime();
        for (PendingSend send : batch) {
            queueWait.record(now - send.acceptedAtNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** A committed batch's acks and deliveries start being encoded, {@code committedAtNanos} after its commit. */
    void outboxStarted(long committedAtNanos) {
        outboxWait.record(System.nanoTime() - committedAtNanos, TimeUnit.NANOSECONDS);
    }

    /** A device thread started writing its share of a batch {@code nanos} after the batch was handed over. */
    void handedOff(long nanos) {
        handoffWait.record(nanos, TimeUnit.NANOSECONDS);
    }

    void delivered(int devices) {
        delivered.increment(devices);
    }
}
