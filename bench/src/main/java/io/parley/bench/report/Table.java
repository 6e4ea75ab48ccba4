package io.parley.bench.report;

import java.util.List;

/** A small table of a result, e.g. one row per step of a rate ladder; cells are already formatted. */
public record Table(String title, List<String> columns, List<List<String>> rows) {
}
