package io.parley.server.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Counts refusals by their stable code, REST and WebSocket alike: {@code parley_errors_total{code,channel}}. */
@Component
public class ErrorMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public ErrorMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A REST failure. */
    public void count(String code) {
        count("rest", code);
    }

    public void count(String channel, String code) {
        counters.computeIfAbsent(channel + '/' + code, key -> Counter.builder("parley.errors")
                .description("Refused requests and frames by error code")
                .tag("channel", channel)
                .tag("code", code)
                .register(registry)).increment();
    }
}
