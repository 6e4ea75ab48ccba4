package io.parley.bench.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes docs/BENCHMARKS.md (and draws the charts again) from the JSON results and JFR summaries in a folder: the
 * page's prose comes from
 * the template {@code benchmarks-page.md}, every figure from the results, so nobody edits numbers by hand.
 * Placeholders: {@code {{machine}}}, {@code {{S1}}} ... (a scenario's tables and charts), {@code {{jfr}}}.
 */
public final class BenchmarksPage {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9-]+)}}");
    private static final List<String> DATABASE_ORDER = List.of("h2", "mariadb");

    private BenchmarksPage() {
    }

    public static void write(Path resultsFolder, Path page) throws IOException {
        List<ScenarioResult> results = ResultFiles.readAll(resultsFolder);
        results.forEach(result -> Charts.write(result, resultsFolder));
        String template;
        try (InputStream in = BenchmarksPage.class.getResourceAsStream("/benchmarks-page.md")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path imagePrefix = page.toAbsolutePath().getParent().relativize(resultsFolder.toAbsolutePath());
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement = switch (name) {
                case "machine" -> machine(results);
                case "jfr" -> jfr(resultsFolder);
                default -> scenario(name, results, imagePrefix);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        Files.writeString(page, out.toString());
        System.out.println("wrote " + page + " from " + results.size() + " results");
    }

    private static String machine(List<ScenarioResult> results) {
        if (results.isEmpty()) {
            return "_no results yet_";
        }
        Map<String, String> machine = results.get(0).machine();
        String runs = results.stream().map(r -> r.startedAt().substring(0, 10)).distinct().sorted()
                .collect(Collectors.joining(", "));
        return machine.entrySet().stream().filter(e -> !e.getKey().startsWith("load"))
                .map(e -> "- " + e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n")) + "\n- runs: " + runs;
    }

    private static String scenario(String id, List<ScenarioResult> results, Path imagePrefix) {
        Map<String, ScenarioResult> byDatabase = new TreeMap<>(
                Comparator.comparingInt(BenchmarksPage::order).thenComparing(Comparator.naturalOrder()));
        results.stream().filter(r -> r.scenario().equals(id)).forEach(r -> byDatabase.put(r.database(), r));
        if (byDatabase.isEmpty()) {
            return "_not run yet_";
        }
        List<String> databases = new ArrayList<>(byDatabase.keySet());
        StringBuilder s = new StringBuilder();
        ScenarioResult first = byDatabase.values().iterator().next();
        s.append("Parameters: ").append(first.parameters().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))).append(".\n");
        s.append("Machine load (1-minute load average before / after the run): ").append(databases.stream()
                .map(d -> d + " " + byDatabase.get(d).machine().getOrDefault("load average before / after", "?"))
                .collect(Collectors.joining(", "))).append(".\n\n");
        s.append("| metric | ").append(String.join(" | ", databases)).append(" | target |\n");
        s.append("| --- |").append(" ---: |".repeat(databases.size())).append(" --- |\n");
        Map<String, Metric> rows = new LinkedHashMap<>();
        byDatabase.values().forEach(r -> r.metrics().forEach(metric -> rows.putIfAbsent(metric.key(), metric)));
        for (Metric row : rows.values()) {
            s.append("| ").append(row.label()).append(" (").append(row.unit()).append(") |");
            for (String database : databases) {
                Metric metric = byDatabase.get(database).metric(row.key());
                s.append(' ').append(metric == null ? "" : cell(metric)).append(" |");
            }
            s.append(' ').append(row.target() == null ? "" : row.target().toString()).append(" |\n");
        }
        s.append('\n');
        for (String database : databases) {
            ScenarioResult r = byDatabase.get(database);
            r.notes().forEach(note -> s.append("- ").append(database).append(": ").append(note).append('\n'));
        }
        s.append('\n');
        for (String database : databases) {
            byDatabase.get(database).tables().forEach(table -> resultTable(s, database, table));
        }
        for (String database : databases) {
            ScenarioResult r = byDatabase.get(database);
            if (!r.panels().isEmpty()) {
                s.append("![").append(id).append(' ').append(database).append("](")
                        .append(imagePrefix.resolve(r.fileStem() + ".png").toString().replace('\\', '/')).append(")\n");
            }
        }
        return s.toString().trim();
    }

    private static void resultTable(StringBuilder s, String database, Table table) {
        s.append("**").append(table.title()).append(" (").append(database).append(")**\n\n");
        s.append("| ").append(String.join(" | ", table.columns())).append(" |\n");
        s.append("|").append(" ---: |".repeat(table.columns().size())).append('\n');
        table.rows().forEach(row -> s.append("| ").append(String.join(" | ", row)).append(" |\n"));
        s.append('\n');
    }

    private static String cell(Metric metric) {
        Boolean met = metric.met();
        String value = Numbers.format(metric.value());
        return met == null ? value : met ? value + " ✓" : "**" + value + "** ✗";
    }

    private static String jfr(Path folder) throws IOException {
        List<Path> profiles;
        try (Stream<Path> files = Files.list(folder)) {
            profiles = files.filter(f -> f.getFileName().toString().matches("jfr-.*\\.json")).sorted().toList();
        }
        if (profiles.isEmpty()) {
            return "_no profile yet_";
        }
        StringBuilder s = new StringBuilder();
        for (Path file : profiles) {
            HotMethods.Profile p = ResultFiles.json().readValue(file.toFile(), HotMethods.Profile.class);
            String name = file.getFileName().toString().replace(".json", "").replace("jfr-", "");
            s.append("#### ").append(name).append(" (").append(p.samples()).append(" CPU samples)\n\n");
            table(s, "top of stack (self)", p.self(), 15);
            table(s, "Parley methods on the stack (total)", p.parleyTotal(), 12);
            table(s, "threads", p.threads(), 8);
        }
        return s.toString().trim();
    }

    private static void table(StringBuilder s, String title, List<HotMethods.Entry> entries, int limit) {
        s.append("| ").append(title).append(" | samples | % |\n| --- | ---: | ---: |\n");
        entries.stream().limit(limit).forEach(e -> s.append("| `").append(e.name()).append("` | ").append(e.samples())
                .append(" | ").append(String.format(Locale.ROOT, "%.1f", e.percent())).append(" |\n"));
        s.append('\n');
    }

    private static int order(String database) {
        int i = DATABASE_ORDER.indexOf(database);
        return i < 0 ? DATABASE_ORDER.size() : i;
    }
}
