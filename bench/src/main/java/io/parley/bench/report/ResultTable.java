package io.parley.bench.report;

import java.io.PrintStream;

/** A result as a plain-text table on the console. */
public final class ResultTable {

    private ResultTable() {
    }

    public static void print(ScenarioResult result, PrintStream out) {
        out.printf("%n%s %s on %s (%.0f s)%n", result.scenario(), result.title(), result.database(), result.seconds());
        int width = result.metrics().stream().mapToInt(m -> m.label().length()).max().orElse(10);
        String row = "  %-" + width + "s  %14s %-8s %-12s %s%n";
        out.printf(row, "metric", "value", "unit", "target", "");
        for (Metric m : result.metrics()) {
            Boolean met = m.met();
            out.printf(row, m.label(), Numbers.format(m.value()), m.unit(), m.target() == null ? "" : m.target(),
                    met == null ? "" : met ? "ok" : "MISSED");
        }
        result.notes().forEach(note -> out.println("  note: " + note));
        for (Table table : result.tables()) {
            out.printf("%n  %s%n  %s%n", table.title(), String.join(" | ", table.columns()));
            table.rows().forEach(cells -> out.println("  " + String.join(" | ", cells)));
        }
    }
}
