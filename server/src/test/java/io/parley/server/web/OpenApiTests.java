package io.parley.server.web;

import static io.parley.server.support.OpenApiAssertions.assertNonEmptyQuery;
import static io.parley.server.support.OpenApiAssertions.assertNonEmptyStrings;
import static io.parley.server.support.OpenApiAssertions.assertOperations;
import static io.parley.server.support.OpenApiAssertions.schema;
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
    void theDocumentSaysWhichOperationsNeedATokenAndWhatARefusalLooksLike() {
        JsonNode doc = api.get("/v3/api-docs", null).body();
        JsonNode paths = doc.path("paths");

        assertThat(doc.path("info").path("title").asString()).isEqualTo("Parley REST API");
        JsonNode bearer = doc.path("components").path("securitySchemes").path("bearerToken");
        assertThat(bearer.path("type").asString()).isEqualTo("http");
        assertThat(bearer.path("scheme").asString()).isEqualTo("bearer");
        assertThat(doc.path("security").path(0).has("bearerToken")).as("every operation by default").isTrue();
        for (String[] open : new String[][] {{"/api/v1/auth/register", "post"}, {"/api/v1/auth/login", "post"},
                {"/api/v1/auth/refresh", "post"}, {"/api/v1/auth/logout", "post"}, {"/api/v1/files/{id}", "get"},
                {"/api/v1/users/{id}/avatar", "get"}, {"/api/v1/groups/{id}/avatar", "get"}}) {
            JsonNode security = paths.path(open[0]).path(open[1]).path("security");
            assertThat(security.isArray() && security.isEmpty()).as("%s %s needs no token", open[1], open[0]).isTrue();
        }
        assertThat(paths.path("/api/v1/users/me").path("get").has("security")).as("the default applies").isFalse();

        JsonNode refusal = paths.path("/api/v1/users/me").path("patch").path("responses").path("default");
        assertThat(refusal.path("content").path("application/json").path("schema").path("$ref").asString())
                .isEqualTo("#/components/schemas/ErrorBody");
        JsonNode errorBody = doc.path("components").path("schemas").path("ErrorBody");
        assertThat(errorBody.path("properties").propertyNames())
                .containsExactlyInAnyOrder("status", "code", "message", "fields");
        String fieldRef = errorBody.path("properties").path("fields").path("items").path("$ref").asString();
        assertThat(doc.path("components").path("schemas").path(fieldRef.substring(fieldRef.lastIndexOf('/') + 1))
                .path("properties").propertyNames()).as("every schema referred to is there: %s", fieldRef)
                .containsExactlyInAnyOrder("field", "problem");

        JsonNode join = paths.path("/api/v1/groups/{id}/join").path("post").path("responses");
        assertThat(join.has("200")).isTrue();
        assertThat(join.path("202").path("content").path("*/*").path("schema").path("$ref").asString())
                .isEqualTo("#/components/schemas/JoinOutcome");
    }

    @Test
    void friendRequestsAndGroupJoinRequestsAreTwoSchemas() {
        JsonNode doc = api.get("/v3/api-docs", null).body();
        JsonNode schemas = doc.path("components").path("schemas");

        assertThat(schemas.path("FriendRequest").path("properties").propertyNames())
                .containsExactlyInAnyOrder("id", "from", "to", "status", "createdAt");
        assertThat(schemas.path("FriendRequest").path("properties").path("status").path("enum").valueStream()
                .map(JsonNode::asString)).contains("ACCEPTED");
        assertThat(schemas.path("GroupJoinRequest").path("properties").propertyNames())
                .containsExactlyInAnyOrder("id", "group", "user", "kind", "invitedBy", "status", "createdAt");
        assertThat(schemas.has("Request")).isFalse();
        assertThat(doc.path("paths").path("/api/v1/friend-requests").path("post").path("responses").path("201")
                .path("content").path("*/*").path("schema").path("$ref").asString())
                .isEqualTo("#/components/schemas/FriendRequest");
    }

    @Test
    void requiredTextIsDeclaredNonEmptyAsTheServerChecksIt() {
        JsonNode doc = api.get("/v3/api-docs", null).body();

        assertNonEmptyStrings(schema(doc, "Register"), "nickname", "email");
        assertNonEmptyStrings(schema(doc, "Refresh"), "refreshToken");
        assertNonEmptyStrings(schema(doc, "SendRequest"), "username");
        assertNonEmptyQuery(doc.path("paths"), "/api/v1/users");
        assertNonEmptyQuery(doc.path("paths"), "/api/v1/messages/search");
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
