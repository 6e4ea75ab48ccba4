package io.parley.server.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.protocol.Frame;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The gateway's meters: connected devices, frames in and out by kind, and the connections the server closed
 * by close code. Counters for every frame kind are made up front, so counting a frame is a map lookup.
 */
@Component
class GatewayMetrics {

    /** Tag of incoming frames that are not a decodable Frame within the size limit (text, garbage, too large). */
    private static final String INVALID_KIND = "invalid";

    private final MeterRegistry registry;
    private final Map<Frame.KindCase, Counter> framesIn = new EnumMap<>(Frame.KindCase.class);
    private final Map<Frame.KindCase, Counter> framesOut = new EnumMap<>(Frame.KindCase.class);
    private final Counter invalidIn;
    private final Map<Integer, Counter> closes = new ConcurrentHashMap<>();

    GatewayMetrics(MeterRegistry registry, LocalSessionDirectory directory) {
        this.registry = registry;
        Gauge.builder("parley.gateway.connections", directory, LocalSessionDirectory::deviceCount)
                .description("Devices connected to this node's WebSocket gateway")
                .register(registry);
        for (Frame.KindCase kind : Frame.KindCase.values()) {
            framesIn.put(kind, frameCounter("parley.gateway.frames.in", tagOf(kind)));
            framesOut.put(kind, frameCounter("parley.gateway.frames.out", tagOf(kind)));
        }
        invalidIn = frameCounter("parley.gateway.frames.in", INVALID_KIND);
    }

    void frameIn(Frame.KindCase kind) {
        framesIn.get(kind).increment();
    }

    void invalidFrameIn() {
        invalidIn.increment();
    }

    void frameOut(Frame.KindCase kind) {
        framesOut.get(kind).increment();
    }

    void closed(int code) {
        closes.computeIfAbsent(code, c -> Counter.builder("parley.gateway.closes")
                .description("WebSocket connections the server closed, by close code")
                .tag("code", Integer.toString(c))
                .register(registry)).increment();
    }

    /** {@code sync_request} for SYNC_REQUEST, as the field is named in parley.proto; {@code none} for no kind. */
    static String tagOf(Frame.KindCase kind) {
        return kind == Frame.KindCase.KIND_NOT_SET ? "none" : kind.name().toLowerCase(Locale.ROOT);
    }

    private Counter frameCounter(String name, String kind) {
        return Counter.builder(name)
                .description("WebSocket frames by kind")
                .tag("kind", kind)
                .register(registry);
    }
}
