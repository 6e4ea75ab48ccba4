package io.parley.bench.measure;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** One status line per second while a scenario runs, so a person sees it move and where it is. */
public final class Progress implements AutoCloseable {

    private final String label;
    private final PrintStream out;
    private final long start = System.nanoTime();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-progress");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String phase = "starting";
    private volatile Supplier<String> status = () -> "";

    public Progress(String label, PrintStream out) {
        this.label = label;
        this.out = out;
        ticker.scheduleAtFixedRate(this::print, 1, 1, TimeUnit.SECONDS);
    }

    /** Starts a new phase, printed at once and then every second with its status. */
    public void phase(String name, Supplier<String> status) {
        this.phase = name;
        this.status = status;
        print();
    }

    public void note(String line) {
        out.printf("[%s %6.1fs] %s%n", label, elapsedSeconds(), line);
    }

    private void print() {
        String now;
        try {
            now = status.get();
        } catch (RuntimeException e) {
            now = "(" + e + ")";
        }
        out.printf("[%s %6.1fs] %s %s%n", label, elapsedSeconds(), phase, now);
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
