package io.parley.server.delivery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames bound for devices, gathered and then handed over together: one task per device write thread (a
 * few event loops) instead of one per frame, and one flush per device instead of one per frame. A fan-out
 * to hundreds of devices, or the acks and deliveries of a whole committed batch, costs a handful of thread
 * hand-overs and a system call per device. Each device receives its frames in the order they were added.
 * Not thread-safe: build it on one thread, then {@link #send} it.
 */
public final class FrameBatch {

    private static final Logger log = LoggerFactory.getLogger(FrameBatch.class);

    private final Map<Executor, Map<DeviceConnection, List<byte[]>>> byThread = new LinkedHashMap<>();
    private int frames;

    /** Adds a frame for one device; the array is shared, not copied, and must not change afterwards. */
    public void add(DeviceConnection device, byte[] encodedFrame) {
        byThread.computeIfAbsent(device.writeThread(), thread -> new LinkedHashMap<>())
                .computeIfAbsent(device, d -> new ArrayList<>(2))
                .add(encodedFrame);
        frames++;
    }

    /** How many frames were added: the number of device writes {@link #send} will queue. */
    public int size() {
        return frames;
    }

    /**
     * Hands every write thread its devices' frames in one task; each device is flushed once, after its last.
     * The future completes when every thread has run its task (or refused it, shutting down): a caller that
     * waits for it keeps at most one batch of its own queued in the write threads.
     */
    public CompletableFuture<Void> send() {
        return send(waited -> { });
    }

    /**
     * As {@link #send()}, and tells {@code waited}, on each write thread, how many nanoseconds passed between
     * the hand-over and that thread starting on its devices: how far behind the gateway's threads are.
     */
    public CompletableFuture<Void> send(LongConsumer waited) {
        long handedOver = System.nanoTime();
        CompletableFuture<Void> written = new CompletableFuture<>();
        AtomicInteger threadsLeft = new AtomicInteger(byThread.size() + 1);
        Runnable threadDone = () -> {
            if (threadsLeft.decrementAndGet() == 0) {
                written.complete(null);
            }
        };
        byThread.forEach((thread, devices) -> {
            try {
                thread.execute(() -> {
                    try {
                        waited.accept(System.nanoTime() - handedOver);
                        devices.forEach(FrameBatch::write);
                    } finally {
                        threadDone.run();
                    }
                });
            } catch (RejectedExecutionException shuttingDown) {
                log.debug("A write thread is shutting down; {} devices of it get their frames by sync", devices.size());
                threadDone.run();
            }
        });
        byThread.clear();
        frames = 0;
        threadDone.run();
        return written;
    }

    /** One device's frames; a failure there is that device's alone and must not hold back the others. */
    private static void write(DeviceConnection device, List<byte[]> encoded) {
        try {
            encoded.forEach(device::queue);
            device.flush();
        } catch (RuntimeException e) {
            log.warn("Could not write {} frames to {}", encoded.size(), device, e);
        }
    }
}
