package io.parley.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/** Checks on the OpenAPI document (`/v3/api-docs`) that tests of several features share. */
public final class OpenApiAssertions {

    private OpenApiAssertions() {
    }

    /** The document's {@code paths} lists {@code path} with every one of {@code methods}. */
    public static void assertOperations(JsonNode paths, String path, String... methods) {
        assertThat(paths.has(path)).as(path).isTrue();
        for (String method : methods) {
            assertThat(paths.path(path).has(method)).as(method + " " + path).isTrue();
        }
    }
}
