package io.parley.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.server.auth.AuthenticatedUser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class FrameBatchTest {

    /** Runs tasks only when asked, counting them: a stand-in for an event loop. */
    static final class CountingThread implements Executor {
        final List<Runnable> tasks = new ArrayList<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            tasks.forEach(Runnable::run);
        }
    }

    /** Records what it is written, flush by flush. */
    static final class RecordingDevice implements DeviceConnection {
        final Executor thread;
        final List<String> log = new ArrayList<>();
        boolean failOnQueue;

        RecordingDevice(Executor thread) {
            this.thread = thread;
        }

        @Override
        public AuthenticatedUser user() {
            return new AuthenticatedUser(1, "uuid", "someone");
        }

        @Override
        public String deviceId() {
            return "d";
        }

        @Override
        public void send(byte[] encodedFrame) {
            log.add("send " + new String(encodedFrame));
        }

        @Override
        public Executor writeThread() {
            return thread;
        }

        @Override
        public void queue(byte[] encodedFrame) {
            if (failOnQueue) {
                throw new IllegalStateException("broken device");
            }
            log.add(new String(encodedFrame));
        }

        @Override
        public void flush() {
            log.add("flush");
        }

        @Override
        public void close(int closeCode, String reason) {
        }
    }

    @Test
    void handsEachThreadOneTaskAndFlushesEachDeviceOnceAfterItsFramesInOrder() {
        CountingThread loopA = new CountingThread();
        CountingThread loopB = new CountingThread();
        RecordingDevice first = new RecordingDevice(loopA);
        RecordingDevice second = new RecordingDevice(loopA);
        RecordingDevice third = new RecordingDevice(loopB);
        FrameBatch batch = new FrameBatch();

        batch.add(first, "1".getBytes());
        batch.add(third, "x".getBytes());
        batch.add(second, "a".getBytes());
        batch.add(first, "2".getBytes());
        batch.add(first, "3".getBytes());
        assertThat(batch.size()).isEqualTo(5);
        batch.send();

        assertThat(loopA.tasks).hasSize(1);
        assertThat(loopB.tasks).hasSize(1);
        assertThat(first.log).isEmpty();
        loopA.runAll();
        loopB.runAll();
        assertThat(first.log).containsExactly("1", "2", "3", "flush");
        assertThat(second.log).containsExactly("a", "flush");
        assertThat(third.log).containsExactly("x", "flush");
        assertThat(batch.size()).isZero();
    }

    @Test
    void theBatchIsWrittenOnceEveryThreadRanItsTaskOrRefusedIt() {
        CountingThread running = new CountingThread();
        Executor shutDown = task -> {
            throw new RejectedExecutionException("shut down");
        };
        FrameBatch batch = new FrameBatch();
        batch.add(new RecordingDevice(running), "a".getBytes());
        batch.add(new RecordingDevice(shutDown), "b".getBytes());

        CompletableFuture<Void> written = batch.send();

        assertThat(written).isNotDone();
        running.runAll();
        assertThat(written).isCompleted();
        assertThat(new FrameBatch().send()).as("an empty batch").isCompleted();
    }

    @Test
    void aDeviceThatFailsDoesNotHoldBackTheOthersOnItsThread() {
        CountingThread loop = new CountingThread();
        RecordingDevice broken = new RecordingDevice(loop);
        broken.failOnQueue = true;
        RecordingDevice healthy = new RecordingDevice(loop);
        FrameBatch batch = new FrameBatch();
        batch.add(broken, "lost".getBytes());
        batch.add(healthy, "kept".getBytes());

        batch.send();
        loop.runAll();

        assertThat(healthy.log).containsExactly("kept", "flush");
    }

    @Test
    void aDeviceWithoutAThreadOfItsOwnIsWrittenOnTheCallersRightAway() {
        DeviceConnection plain = new DeviceConnection() {
            final List<String> sent = new ArrayList<>();

            @Override
            public AuthenticatedUser user() {
                return new AuthenticatedUser(2, "uuid-2", "other");
            }

            @Override
            public String deviceId() {
                return "p";
            }

            @Override
            public void send(byte[] encodedFrame) {
                sent.add(new String(encodedFrame));
            }

            @Override
            public void close(int closeCode, String reason) {
            }

            @Override
            public String toString() {
                return String.join(",", sent);
            }
        };
        FrameBatch batch = new FrameBatch();
        batch.add(plain, "now".getBytes());
        batch.send();
        assertThat(plain).hasToString("now");
    }

    @Test
    void eachWriteThreadTellsHowLongItsShareWaitedOnceItStarts() throws InterruptedException {
        CountingThread loopA = new CountingThread();
        CountingThread loopB = new CountingThread();
        FrameBatch batch = new FrameBatch();
        batch.add(new RecordingDevice(loopA), "a1".getBytes());
        batch.add(new RecordingDevice(loopA), "a2".getBytes());
        batch.add(new RecordingDevice(loopB), "b1".getBytes());
        List<Long> waits = new ArrayList<>();

        batch.send(waits::add);
        assertThat(waits).as("nothing has started yet").isEmpty();
        Thread.sleep(5);
        loopA.runAll();
        loopB.runAll();

        // one wait per thread, not per device or frame, each at least the time the threads were held back
        assertThat(waits).hasSize(2).allSatisfy(nanos -> assertThat(nanos).isGreaterThanOrEqualTo(5_000_000L));
    }
}
