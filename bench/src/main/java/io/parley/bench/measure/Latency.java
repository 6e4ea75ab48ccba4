package io.parley.bench.measure;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/** Send-to-receipt latencies in microseconds (HdrHistogram, 3 significant digits), recorded from any thread. */
public final class Latency {

    private static final long MAX_MICROS = 120_000_000L;

    private final ConcurrentHistogram histogram = new ConcurrentHistogram(MAX_MICROS, 3);

    public void recordNanos(long nanos) {
        histogram.recordValue(Math.min(MAX_MICROS, Math.max(0, nanos / 1000)));
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** The latency at a percentile (0-100), in milliseconds; NaN when nothing was recorded. */
    public double percentileMillis(double percentile) {
        return count() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    /** NaN when nothing was recorded. */
    public double maxMillis() {
        return count() == 0 ? Double.NaN : histogram.getMaxValue() / 1000.0;
    }

    /** Points (percentile, ms) of the whole distribution, for the percentile chart. */
    public List<double[]> distribution() {
        Histogram copy = histogram.copy();
        List<double[]> points = new ArrayList<>();
        if (copy.getTotalCount() == 0) {
            return points;
        }
        for (HistogramIterationValue v : copy.percentiles(5)) {
            double percentile = v.getPercentileLevelIteratedTo();
            if (percentile >= 100.0) {
                break;
            }
            points.add(new double[] {percentile, v.getValueIteratedTo() / 1000.0});
        }
        points.add(new double[] {100.0 - 1e-4, copy.getMaxValue() / 1000.0});
        return points;
    }
}
