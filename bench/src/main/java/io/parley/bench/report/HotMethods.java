package io.parley.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording's CPU samples ({@code jdk.ExecutionSample}): the methods on top of the stack
 * (self time), Parley's own methods anywhere on the stack (total time), and the threads. JDK 17's
 * {@code jfr} tool has no hot-methods view, so this reads the recording with the JFR consumer API.
 */
public final class HotMethods {

    /** A method or thread and the share of samples it had. */
    public record Entry(String name, long samples, double percent) {
    }

    public record Profile(String recording, long samples, List<Entry> self, List<Entry> parleyTotal,
            List<Entry> threads) {
    }

    private HotMethods() {
    }

    public static Profile of(Path recording, int top) throws IOException {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> parley = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        long samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                if (frames.isEmpty()) {
                    continue;
                }
                samples++;
                self.merge(name(frames.get(0).getMethod()), 1L, Long::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String method = name(frame.getMethod());
                    if (method.startsWith("io.parley.") && seen.add(method)) {
                        parley.merge(method, 1L, Long::sum);
                    }
                }
                String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
                threads.merge(thread == null ? "?" : thread.replaceAll("\\d+", "N"), 1L, Long::sum);
            }
        }
        return new Profile(recording.getFileName().toString(), samples, top(self, samples, top),
                top(parley, samples, top), top(threads, samples, top));
    }

    public static void write(Path recording, Path out, int top) throws IOException {
        Profile profile = of(recording, top);
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            ResultFiles.json().writeValue(out.toFile(), profile);
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("cannot write " + out, e));
        }
        System.out.printf("%d CPU samples in %s; top methods (self):%n", profile.samples(), recording);
        profile.self().forEach(e -> System.out.printf("  %5.1f%%  %s%n", e.percent(), e.name()));
    }

    private static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }

    private static List<Entry> top(Map<String, Long> counts, long total, int top) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(top)
                .map(e -> new Entry(e.getKey(), e.getValue(), 100.0 * e.getValue() / Math.max(1, total)))
                .toList();
    }
}
