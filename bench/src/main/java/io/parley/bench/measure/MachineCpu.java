package io.parley.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time the whole machine has been busy, from /proc/stat: the server, the bench, the database and anything
 * else together. On a machine they share, it tells whether a phase left the cores any room, which the
 * per-process figures alone do not (the database's share is in no JVM).
 */
public final class MachineCpu {

    private MachineCpu() {
    }

    /** Busy CPU seconds summed over all cores since boot, or NaN where /proc/stat cannot be read. */
    public static double busySeconds() {
        try (var lines = Files.lines(Path.of("/proc/stat"))) {
            return lines.findFirst().map(MachineCpu::busySeconds).orElse(Double.NaN);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * Busy seconds from /proc/stat's first line, {@code cpu user nice system idle iowait irq softirq steal ...}:
     * everything but idle and iowait (a core waiting for the disk has nothing to run). Guest time is already
     * counted in user and nice.
     */
    static double busySeconds(String cpuLine) {
        String[] fields = cpuLine.trim().split("\\s+");
        if (!fields[0].equals("cpu") || fields.length < 9) {
            throw new IllegalArgumentException("not /proc/stat's cpu line: " + cpuLine);
        }
        long busy = 0;
        for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
            busy += Long.parseLong(fields[field]);
        }
        return busy / (double) ServerProbe.CLOCK_TICKS_PER_SECOND;
    }
}
