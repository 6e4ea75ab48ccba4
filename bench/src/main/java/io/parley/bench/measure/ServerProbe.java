package io.parley.bench.measure;

import io.parley.bench.client.RestApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * What the bench can see of the server process: resident memory and CPU time from /proc (when it was told the
 * server's pid), and JVM memory and histograms from the server's actuator metrics. Before a memory reading it can ask the
 * server's JVM for a full GC (jcmd), so heap figures count live objects rather than garbage.
 */
public final class ServerProbe {

    /** The kernel's USER_HZ: /proc counts CPU time in these ticks (100 on Linux, whatever the kernel's HZ). */
    static final long CLOCK_TICKS_PER_SECOND = 100;

    private final RestApi api;
    private final OptionalLong pid;

    public ServerProbe(RestApi api, OptionalLong pid) {
        this.api = api;
        this.pid = pid;
    }

    public boolean knowsProcess() {
        return pid.isPresent();
    }

    /** A full GC in the server JVM, so heap used is what is live; no-op without a pid. */
    public void collectGarbage() {
        if (pid.isPresent()) {
            jcmd("GC.run");
        }
    }

    /**
     * Starts and discards a recording at once. A JVM's first recording redefines classes, which throws away
     * all of its compiled code: done during a measurement, the recompiling took a good part of a core for
     * tens of seconds. Done before the scenario's setup, the later recording starts without that cost.
     */
    public void primeFlightRecorder() {
        jcmd("JFR.start", "name=prime");
        jcmd("JFR.stop", "name=prime");
    }

    /** Starts a JFR recording in the server (profile settings) that is written to {@code file} when stopped. */
    public void startFlightRecording(Path file) {
        jcmd("JFR.start", "name=bench", "settings=profile", "filename=" + file.toAbsolutePath());
    }

    public void stopFlightRecording(Path file) {
        jcmd("JFR.stop", "name=bench", "filename=" + file.toAbsolutePath());
    }

    public MemorySample memory() {
        return new MemorySample(rssBytes(), metric("jvm.memory.used", "area:heap"),
                metric("jvm.memory.used", "area:nonheap"), metric("jvm.buffer.memory.used", "id:direct"));
    }

    /** User + system CPU seconds the server has used so far; NaN without a pid. */
    public double cpuSeconds() {
        if (pid.isEmpty()) {
            return Double.NaN;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid.getAsLong()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[11] and [12] are utime and stime (fields 14 and 15 of proc(5), counted after the name).
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private double rssBytes() {
        if (pid.isEmpty()) {
            return Double.NaN;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid.getAsLong()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024.0;
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** The server's message path timings and GC pauses as they stand now. */
    public ServerStages stages() {
        return ServerStages.parse(api.getText("/actuator/prometheus").join());
    }

    private double metric(String name, String tag) {
        JsonNode body = api.get("/actuator/metrics/" + name + "?tag=" + tag).join();
        return body.path("measurements").path(0).path("value").asDouble(Double.NaN);
    }

    private void jcmd(String... command) {
        if (pid.isEmpty()) {
            throw new IllegalStateException("a flight recording needs the server's pid (--server-pid)");
        }
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            String[] args = new String[command.length + 2];
            args[0] = jcmd.toString();
            args[1] = Long.toString(pid.getAsLong());
            System.arraycopy(command, 0, args, 2, command.length);
            Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run jcmd", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Bytes: process resident set, JVM heap used, JVM non-heap used, direct buffers used. */
    public record MemorySample(double rss, double heap, double nonHeap, double direct) {
    }
}
