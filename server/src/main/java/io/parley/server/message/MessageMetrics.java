package io.parley.server.message;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** The message path's meters: accepted, persisted, delivered, refused, ack latency, commit time and batch size. */
@Component
class MessageMetrics {

    private final Counter accepted;
    private final Counter persisted;
    private final Counter delivered;
    private final Timer ackLatency;
    private final DistributionSummary batchSize;
    private final Timer commitTime;

    MessageMetrics(MeterRegistry registry) {
        accepted = Counter.builder("parley.messages.accepted")
                .description("Sends that passed the frame checks and went to the writer").register(registry);
        persisted = Counter.builder("parley.messages.persisted")
                .description("Messages committed to the store").register(registry);
        delivered = Counter.builder("parley.messages.delivered")
                .description("Message frames queued to devices (one per device)").register(registry);
        ackLatency = Timer.builder("parley.messages.ack.latency")
                .description("From a send frame's arrival to its ack, through the commit")
                .publishPercentileHistogram()
                .register(registry);
        commitTime = Timer.builder("parley.messages.commit.time")
                .description("Writing one batch to the store, from its first statement to the end of its commit")
                .publishPercentileHistogram()
                .register(registry);
        batchSize = DistributionSummary.builder("parley.messages.commit.batch.size")
                .description("Messages per commit").baseUnit("messages").publishPercentileHistogram().register(registry);
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

    void delivered(int devices) {
        delivered.increment(devices);
    }
}
