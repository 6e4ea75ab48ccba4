package io.parley.server.message;

import io.parley.server.delivery.DevicePush;
import io.parley.server.delivery.ErrorReplies;
import io.parley.server.delivery.FrameError;
import io.parley.server.friend.FriendGraph;
import io.parley.server.group.GroupMembership;
import io.parley.server.user.UserDirectory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * The writer side of the message path: routes each send to the stripe that owns its conversation. It
 * starts before and stops after the gateway (lifecycle phase), so that every send accepted is written
 * before the database goes away.
 */
@Component
class MessageWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MessageWriter.class);

    /** Stop after the gateway (which stops first, at the default phase) and before the data source closes. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1024;
    private static final long STOP_WAIT_MILLIS = 15_000;
    /** Batches (and single answers) a stripe may have waiting for its outbox before its writer waits. */
    private static final int OUTBOX_CAPACITY = 8;

    private final List<WriterStripe> stripes = new ArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<ExecutorService> outboxes = new ArrayList<>();
    private final MessageMetrics metrics;
    private volatile boolean running;

    MessageWriter(MessageProperties properties, MessageStore store, UserDirectory users, FriendGraph friends,
            GroupMembership groups, DevicePush push, ErrorReplies errors, MessageMetrics metrics, Clock clock,
            @Value("${spring.datasource.url:}") String databaseUrl) {
        this.metrics = metrics;
        SendPolicy policy = new SendPolicy(users, friends, groups, clock, properties.recallWindow());
        MessageProperties resolved = properties.withCommitLinger(properties.commitLingerOn(databaseUrl));
        for (int i = 0; i < Math.max(1, properties.writerThreads()); i++) {
            stripes.add(new WriterStripe(resolved, store, policy, users, push, errors, metrics, clock));
        }
    }

    /** Hands a checked send to its conversation's stripe; a refusal when the stripe is full or stopping. */
    Optional<Refusal> submit(PendingSend send) {
        WriterStripe stripe = stripes.get(Math.floorMod(send.conversationPublicId().hashCode(), stripes.size()));
        if (!stripe.offer(send)) {
            return Optional.of(new Refusal(FrameError.BUSY, "The server is busy; send it again shortly"));
        }
        metrics.accepted();
        return Optional.empty();
    }

    /** Starts a thread per stripe; after a {@link #stop} (a context can be stopped and started again) anew. */
    @Override
    public void start() {
        threads.clear();
        outboxes.clear();
        for (int i = 0; i < stripes.size(); i++) {
            ExecutorService outbox = boundedOutbox(i);
            outboxes.add(outbox);
            stripes.get(i).open(outbox);
            Thread thread = new Thread(stripes.get(i), "parley-writer-" + i);
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((dead, error) -> log.error("{} stopped: its conversations take no "
                    + "more messages until the server restarts (health is DOWN)", dead.getName(), error));
            thread.start();
            threads.add(thread);
        }
        running = true;
    }

    /**
     * One thread taking a stripe's committed batches to devices, in order. Its queue is bounded and a full
     * queue makes the writer thread wait: a stripe cannot commit faster than its messages are delivered.
     */
    private static ExecutorService boundedOutbox(int stripe) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("parley-outbox-" + stripe + "-");
        threads.setDaemon(true);
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(OUTBOX_CAPACITY), threads,
                (task, pool) -> {
                    if (pool.isShutdown()) {
                        throw new RejectedExecutionException("outbox " + stripe + " is shut down");
                    }
                    try {
                        pool.getQueue().put(task);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new RejectedExecutionException("interrupted while the outbox was full", e);
                    }
                });
    }

    @Override
    public void stop() {
        stripes.forEach(WriterStripe::stop);
        long deadline = System.currentTimeMillis() + STOP_WAIT_MILLIS;
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // let the last acks and deliveries out before the threads go (their devices may be closed already)
        for (ExecutorService outbox : outboxes) {
            outbox.shutdown();
            try {
                outbox.awaitTermination(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * False once a writer thread has ended while the writer runs: a failure its batch loop could not survive
     * (an Error). Its conversations' sends would only queue and then be refused; {@link MessageWriterHealthIndicator}
     * reports it so that the process is restarted.
     */
    boolean writing() {
        return !running || threads.stream().allMatch(Thread::isAlive);
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
