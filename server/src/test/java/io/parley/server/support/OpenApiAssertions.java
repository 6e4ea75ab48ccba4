package io.parley.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/** Checks on the OpenAPI document (`/v3/api-docs`) that tests of several features share. */
public final class OpenApiAssertions {

    private OpenApiAssertions() {
    }

    /** The schema of a named record in the document's {@code components}. */
    public static JsonNode schema(JsonNode doc, String name) {
        JsonNode schema = doc.path("components").path("schemas").path(name);
        assertThat(schema.isObject()).as(name).isTrue();
        return schema;
    }

    /** Each named string property of {@code schema} is declared non-empty, as the server requires. */
    public static void assertNonEmptyStrings(JsonNode schema, String... properties) {
        for (String property : properties) {
            assertThat(schema.path("properties").path(property).path("minLength").asInt()).as(property).isEqualTo(1);
        }
    }

    /** The GET operation at {@code path} declares its query parameter {@code q} non-empty. */
    public static void assertNonEmptyQuery(JsonNode paths, String path) {
        JsonNode q = paths.path(path).path("get").path("parameters").valueStream()
                .filter(p -> p.path("name").asString().equals("q")).findFirst().orElseThrow();
        assertThat(q.path("schema").path("minLength").asInt()).as("q of " + path).isEqualTo(1);
    }

    /** The document's {@code paths} lists {@code path} with every one of {@code methods}. */
    public static void assertOperations(JsonNode paths, String path, String... methods) {
        assertThat(paths.has(path)).as(path).isTrue();
        for (String method : methods) {
            assertThat(paths.path(path).has(method)).as(method + " " + path).isTrue();
        }
    }
}
