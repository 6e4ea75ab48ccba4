package io.parley.bench.report;

import java.util.List;

/**
 * One chart of a result: a few series over a shared x axis. With {@code percentileAxis} the x values are
 * percentiles (0-100) drawn so that p90, p99, p99.9 are evenly spaced.
 */
public record Panel(String title, String xLabel, String yLabel, boolean percentileAxis, List<Series> series) {

    public record Series(String name, double[] x, double[] y) {
    }
}
