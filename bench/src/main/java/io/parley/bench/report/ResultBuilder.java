package io.parley.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects a scenario's figures, charts and notes while it runs. */
public final class ResultBuilder {

    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final List<Metric> metrics = new ArrayList<>();
    private final List<Panel> panels = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();

    public ResultBuilder parameter(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    public ResultBuilder metric(String key, String label, double value, String unit) {
        return metric(key, label, value, unit, null);
    }

    public ResultBuilder metric(String key, String label, double value, String unit, Metric.Target target) {
        metrics.add(new Metric(key, label, value, unit, target));
        return this;
    }

    public ResultBuilder panel(Panel panel) {
        panels.add(panel);
        return this;
    }

    public ResultBuilder note(String note) {
        notes.add(note);
        return this;
    }

    public ResultBuilder table(Table table) {
        tables.add(table);
        return this;
    }

    public ScenarioResult build(String scenario, String title, String database, String startedAt, double seconds,
            Map<String, String> machine) {
        return new ScenarioResult(scenario, title, database, startedAt, seconds, machine, new LinkedHashMap<>(parameters),
                List.copyOf(metrics), List.copyOf(panels), List.copyOf(notes), List.copyOf(tables));
    }
}
