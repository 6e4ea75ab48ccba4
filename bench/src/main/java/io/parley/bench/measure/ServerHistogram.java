package io.parley.bench.measure;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of the server's histograms as its Prometheus endpoint shows it: cumulative counts per bucket upper bound,
 * summed over all tag sets. Two readings taken a phase apart give the phase's own distribution
 * ({@link #since}), so the bench can set what happened inside the server (commit time, send to ack) beside what
 * its devices saw. A percentile is the upper bound of the bucket it falls in, so it is never below the truth.
 */
public final class ServerHistogram {

    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

    /** Bucket upper bounds in seconds, ascending, the last one +Inf. */
    private final double[] bounds;
    /** Cumulative: {@code counts[i]} observations were at most {@code bounds[i]}. */
    private final long[] counts;

    private ServerHistogram(double[] bounds, long[] counts) {
        this.bounds = bounds;
        this.counts = counts;
    }

    /** The histogram {@code name} (Prometheus name, without {@code _bucket}) in a scrape; empty if absent. */
    public static ServerHistogram parse(String prometheusText, String name) {
        String prefix = name + "_bucket{";
        Map<Double, Long> cumulative = new TreeMap<>();
        for (String line : prometheusText.split("\n")) {
            if (!line.startsWith(prefix)) {
                continue;
            }
            int labelsEnd = line.lastIndexOf('}');
            Matcher le = LE.matcher(line.substring(prefix.length(), labelsEnd));
            if (!le.find()) {
                continue;
            }
            double bound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
            long count = (long) Double.parseDouble(line.substring(labelsEnd + 1).trim().split(" ")[0]);
            cumulative.merge(bound, count, Long::sum);
        }
        double[] bounds = new double[cumulative.size()];
        long[] counts = new long[cumulative.size()];
        int i = 0;
        for (Map.Entry<Double, Long> bucket : cumulative.entrySet()) {
            bounds[i] = bucket.getKey();
            counts[i++] = bucket.getValue();
        }
        return new ServerHistogram(bounds, counts);
    }

    /** What was observed between {@code earlier} and this reading (same histogram, same buckets). */
    public ServerHistogram since(ServerHistogram earlier) {
        long[] delta = counts.clone();
        for (int i = 0; i < bounds.length; i++) {
            int at = Arrays.binarySearch(earlier.bounds, bounds[i]);
            if (at >= 0) {
                delta[i] -= earlier.counts[at];
            }
        }
        return new ServerHistogram(bounds, delta);
    }

    public long count() {
        return counts.length == 0 ? 0 : counts[counts.length - 1];
    }

    /** The upper bound, in ms, of the bucket holding the given percentile; NaN if nothing was observed. */
    public double percentileMillis(double percentile) {
        long total = count();
        if (total <= 0) {
            return Double.NaN;
        }
        double wanted = total * percentile / 100;
        for (int i = 0; i < bounds.length; i++) {
            if (counts[i] >= wanted) {
                return bounds[i] * 1000;
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
