package io.parley.bench.scenario;

import io.parley.bench.report.ResultBuilder;
import java.util.Optional;

/**
 * One benchmark scenario. It sets up its own users through the REST API, drives the server over WebSockets,
 * and puts its figures and charts into the result. A scenario that needs a feature the server lacks says so
 * in {@link #unavailableOn} and is skipped (S3, group fan-out, waits for {@code POST /api/v1/groups}).
 */
public interface Scenario {

    /** Short id: S1, S2, ... */
    String id();

    String title();

    /** Why this server cannot run the scenario, or empty when it can. */
    default Optional<String> unavailableOn(ServerCapabilities server) {
        return Optional.empty();
    }

    void run(ScenarioContext context, ResultBuilder result) throws Exception;
}
