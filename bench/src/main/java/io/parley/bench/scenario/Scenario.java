package io.parley.bench.scenario;

import io.parley.bench.report.ResultBuilder;

/**
 * One benchmark scenario. It sets up its own users through the REST API, drives the server over WebSockets,
 * and puts its figures and charts into the result.
 */
public interface Scenario {

    /** Short id: S1, S2, ... */
    String id();

    String title();

    void run(ScenarioContext context, ResultBuilder result) throws Exception;
}
