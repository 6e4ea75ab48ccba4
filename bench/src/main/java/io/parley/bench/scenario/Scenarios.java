package io.parley.bench.scenario;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Every scenario the bench knows, by id. */
public final class Scenarios {

    private static final List<Scenario> ALL = List.of(new IdleConnections(), new DirectThroughput(), new GroupFanOut(),
            new OfflineSync(), new MixedDay());

    private Scenarios() {
    }

    public static List<Scenario> all() {
        return ALL;
    }

    public static Optional<Scenario> byId(String id) {
        return ALL.stream().filter(s -> s.id().equals(id.toUpperCase(Locale.ROOT))).findFirst();
    }
}
