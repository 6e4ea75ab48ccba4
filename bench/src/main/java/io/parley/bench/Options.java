package io.parley.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Command-line options {@code --name=value} (or {@code --flag}), read with a default. Remembers which names
 * were read, so a misspelt option is reported instead of silently ignored.
 */
public final class Options {

    private final Map<String, String> values;
    private final List<String> positional;
    private final Set<String> read;
    private final String scope;

    private Options(Map<String, String> values, List<String> positional, Set<String> read, String scope) {
        this.values = values;
        this.positional = positional;
        this.read = read;
        this.scope = scope;
    }

    public Options(String... args) {
        this(new LinkedHashMap<>(), new ArrayList<>(), Collections.synchronizedSet(new TreeSet<>()), null);
        for (String arg : args) {
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                values.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
            } else {
                positional.add(arg);
            }
        }
    }

    public List<String> positional() {
        return positional;
    }

    /**
     * The options as one scenario sees them: {@code --S1.connections=10000} overrides {@code --connections} for
     * S1 only, so one suite command can size every scenario.
     */
    public Options scoped(String scenarioId) {
        return new Options(values, positional, read, scenarioId);
    }

    public String string(String name, String fallback) {
        if (scope != null && values.containsKey(scope + "." + name)) {
            read.add(scope + "." + name);
            return values.get(scope + "." + name);
        }
        read.add(name);
        return values.getOrDefault(name, fallback);
    }

    public int integer(String name, int fallback) {
        return Integer.parseInt(string(name, Integer.toString(fallback)).replace("_", ""));
    }

    public long longValue(String name, long fallback) {
        return Long.parseLong(string(name, Long.toString(fallback)).replace("_", ""));
    }

    public double decimal(String name, double fallback) {
        return Double.parseDouble(string(name, Double.toString(fallback)));
    }

    /** A comma-separated list of integers, e.g. {@code --connections=10000,19000}. */
    public int[] integers(String name, String fallback) {
        return Arrays.stream(string(name, fallback).split(",")).map(String::trim).filter(v -> !v.isEmpty())
                .mapToInt(v -> Integer.parseInt(v.replace("_", ""))).toArray();
    }

    /** A comma-separated list of numbers; empty when the option is not given. */
    public List<Double> decimals(String name) {
        return Arrays.stream(string(name, "").split(",")).map(String::trim).filter(v -> !v.isEmpty())
                .map(Double::parseDouble).toList();
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(string(name, "false"));
    }

    public boolean has(String name) {
        read.add(name);
        return values.containsKey(name) || scope != null && values.containsKey(scope + "." + name);
    }

    /** Options given but never read: most likely typos. */
    public Set<String> unread() {
        Set<String> unread = new TreeSet<>(values.keySet());
        unread.removeAll(read);
        return unread;
    }
}
