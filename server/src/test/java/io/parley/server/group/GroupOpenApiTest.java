package io.parley.server.group;

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

/** The OpenAPI document lists the group endpoints and the refusals they can give. */
@OnH2
class GroupOpenApiTest extends ServerTest {

    @Test
    void theDocumentListsTheGroupEndpointsWithTheirErrorCodes() {
        ApiClient.Response docs = api.get("/v3/api-docs", null);

        JsonNode paths = docs.body().path("paths");
        assertOperations(paths, "/api/v1/groups", "get", "post");
        assertOperations(paths, "/api/v1/groups/mine", "get");
        assertOperations(paths, "/api/v1/groups/{id}", "get", "patch", "delete");
        assertOperations(paths, "/api/v1/groups/{id}/mute", "put", "delete");
        assertOperations(paths, "/api/v1/groups/{id}/transfer", "post");
        assertOperations(paths, "/api/v1/groups/{id}/avatar", "get", "post");
        assertOperations(paths, "/api/v1/groups/{id}/join", "post");
        assertOperations(paths, "/api/v1/groups/{id}/requests", "get");
        assertOperations(paths, "/api/v1/groups/{id}/requests/{requestId}/approve", "post");
        assertOperations(paths, "/api/v1/groups/{id}/requests/{requestId}/reject", "post");
        assertOperations(paths, "/api/v1/groups/{id}/invitations", "post");
        assertOperations(paths, "/api/v1/groups/{id}/members", "get");
        assertOperations(paths, "/api/v1/groups/{id}/members/me", "delete");
        assertOperations(paths, "/api/v1/groups/{id}/members/{userId}", "delete");
        assertOperations(paths, "/api/v1/groups/{id}/members/{userId}/mute", "put", "delete");
        assertOperations(paths, "/api/v1/groups/{id}/members/{userId}/role", "put");
        assertOperations(paths, "/api/v1/groups/{id}/bans", "get");
        assertOperations(paths, "/api/v1/groups/{id}/bans/{userId}", "put", "delete");
        assertOperations(paths, "/api/v1/group-invitations", "get");
        assertOperations(paths, "/api/v1/group-invitations/{requestId}/accept", "post");
        assertOperations(paths, "/api/v1/group-invitations/{requestId}/reject", "post");

        assertThat(paths.path("/api/v1/groups/{id}/members/{userId}").path("delete").path("description").asString())
                .contains("NOT_GROUP_ADMIN", "NOT_GROUP_OWNER", "NOT_A_MEMBER");
        assertThat(paths.path("/api/v1/groups/{id}/join").path("post").path("description").asString())
                .contains("INVITE_ONLY", "GROUP_FULL", "BANNED_FROM_GROUP");
        assertThat(paths.path("/api/v1/groups/{id}/bans/{userId}").path("put").path("description").asString())
                .contains("BANNED_FROM_GROUP", "NOT_GROUP_ADMIN", "NOT_GROUP_OWNER", "CANNOT_TARGET_SELF",
                        "USER_NOT_FOUND");
        assertThat(paths.path("/api/v1/groups/{id}/members/me").path("delete").path("description").asString())
                .contains("OWNER_MUST_TRANSFER");
    }

    @Test
    void theSchemasSayWhatTheServerAccepts() {
        JsonNode doc = api.get("/v3/api-docs", null).body();

        assertThat(schema(doc, "RoleChange").path("properties").path("role").path("enum").valueStream()
                .map(JsonNode::asString)).as("the owner changes only by transfer").containsExactly("ADMIN", "MEMBER");
        assertNonEmptyStrings(schema(doc, "NewGroup"), "name");
        assertNonEmptyStrings(schema(doc, "GroupChange"), "name");
        assertNonEmptyQuery(doc.path("paths"), "/api/v1/groups");
        assertThat(doc.path("paths").path("/api/v1/groups/{id}/members/{userId}/mute").path("put").path("requestBody")
                .path("required").asBoolean()).as("no body mutes until unmuted").isFalse();
    }
}
