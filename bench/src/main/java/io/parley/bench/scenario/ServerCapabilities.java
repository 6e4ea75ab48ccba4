package io.parley.bench.scenario;

import io.parley.bench.client.RestApi;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** What the server under test offers, read from its OpenAPI document. */
public final class ServerCapabilities {

    private final JsonNode paths;

    private ServerCapabilities(JsonNode paths) {
        this.paths = paths;
    }

    public static ServerCapabilities of(RestApi api) {
        return new ServerCapabilities(api.get("/v3/api-docs").join().path("paths"));
    }

    /** True when the OpenAPI document lists {@code method path}, e.g. {@code POST /api/v1/groups}. */
    public boolean has(String method, String path) {
        return paths.path(path).has(method.toLowerCase(Locale.ROOT));
    }
}
