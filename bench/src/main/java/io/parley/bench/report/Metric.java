package io.parley.bench.report;

/**
 * One figure of a scenario run.
 *
 * @param key    stable name, used to line up runs in BENCHMARKS.md
 * @param target what the project aims for, or null
 */
public record Metric(String key, String label, double value, String unit, Target target) {

    /** True, false, or null when there is no target. */
    public Boolean met() {
        return target == null ? null : target.metBy(value);
    }

    /** A bound a figure should stay within: {@code <= value} or {@code >= value}. */
    public record Target(String comparison, double value) {

        public static Target atMost(double value) {
            return new Target("<=", value);
        }

        public static Target atLeast(double value) {
            return new Target(">=", value);
        }

        boolean metBy(double actual) {
            return "<=".equals(comparison) ? actual <= value : actual >= value;
        }

        @Override
        public String toString() {
            return comparison + " " + Numbers.format(value);
        }
    }
}
