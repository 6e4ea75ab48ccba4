package io.parley.bench.report;

import java.util.List;
import java.util.Map;

/**
 * Everything one scenario run measured, as written to its JSON file and read back to build the docs.
 * {@code tables}: figures that are rows of their own (a rate ladder's steps), shown under the metrics; null in
 * results written before tables existed.
 */
public record ScenarioResult(
        String scenario,
        String title,
        String database,
        String startedAt,
        double seconds,
        Map<String, String> machine,
        Map<String, Object> parameters,
        List<Metric> metrics,
        List<Panel> panels,
        List<String> notes,
        List<Table> tables) {

    public ScenarioResult {
        tables = tables == null ? List.of() : tables;
    }

    /** The file name stem of this run's JSON and PNG, e.g. {@code s2-h2}. */
    public String fileStem() {
        return scenario.toLowerCase() + "-" + database;
    }

    public Metric metric(String key) {
        return metrics.stream().filter(m -> m.key().equals(key)).findFirst().orElse(null);
    }
}
