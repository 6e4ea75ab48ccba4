package io.parley.server.web;

import static io.parley.server.support.OpenApiAssertions.assertOperations;
import static org.assertj.core.api.Assertions.assertThat;

import io.parley.server.support.ApiClient;
import io.parley.server.support.OnH2;
import io.parley.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document lists the REST API. It does not touch the database, so H2 alone is enough. */
@OnH2
class OpenApiTests extends ServerTest {

    @Test
    void theDocumentListsTheAccountEndpoints() {
        ApiClient.Response docs = api.get("/v3/api-docs", null);

        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.body().path("paths");
        assertOperations(paths, "/api/v1/auth/register", "post");
        assertOperations(paths, "/api/v1/auth/login", "post");
        assertOperations(paths, "/api/v1/auth/refresh", "post");
        assertOperations(paths, "/api/v1/auth/logout", "post");
        assertOperations(paths, "/api/v1/users/me", "get", "patch");
        assertOperations(paths, "/api/v1/users/me/password", "put");
        assertOperations(paths, "/api/v1/users/me/avatar", "post");
        assertOperations(paths, "/api/v1/users/{id}", "get");
        assertOperations(paths, "/api/v1/users/{id}/avatar", "get");
        assertOperations(paths, "/api/v1/users", "get");

        JsonNode search = paths.path("/api/v1/users").path("get");
        assertThat(search.path("parameters").findValuesAsString("name")).containsExactlyInAnyOrder("q", "page", "size");
        assertThat(paths.path("/api/v1/users/me").path("patch").path("parameters").findValuesAsString("name"))
                .as("the caller comes from the token, never from a parameter").isEmpty();
        assertThat(paths.path("/api/v1/users/me/avatar").path("post").path("requestBody").path("content")
                .has("multipart/form-data")).isTrue();
        assertThat(paths.path("/api/v1/auth/login").path("post").path("description").asString())
                .contains("TOO_MANY_ATTEMPTS");
    }

    @Test
    void theDocumentListsTheFileEndpointsWithWhatAnUploadAnswers() {
        JsonNode doc = api.get("/v3/api-docs", null).body();
        JsonNode paths = doc.path("paths");

        assertOperations(paths, "/api/v1/files", "post");
        assertOperations(paths, "/api/v1/files/{id}", "get");
        JsonNode upload = paths.path("/api/v1/files").path("post");
        assertThat(upload.path("requestBody").path("content").has("multipart/form-data")).isTrue();
        assertThat(upload.path("description").asString()).contains("PAYLOAD_TOO_LARGE", "max-file-bytes");
        assertThat(upload.path("responses").has("201")).isTrue();
        assertThat(doc.path("components").path("schemas").path("UploadedFile").path("properties").propertyNames())
                .containsExactlyInAnyOrder("id", "url", "name", "size", "contentType");
    }
}
