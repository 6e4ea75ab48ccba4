package io.parley.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.server.support.ApiClient;
import io.parley.server.support.OnH2;
import io.parley.server.support.OnMariaDb;
import io.parley.server.support.ServerTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Health, metrics, CORS and the JSON error model as an operator or a browser sees them. */
@Import(OperationsTests.Exploding.class)
abstract class OperationsTests extends ServerTest {

    /** An endpoint that fails the way a bug would, to show the failure stays inside its own request. */
    @RestController
    static class Exploding {
        @GetMapping("/api/v1/test-only/explode")
        String explode() {
            throw new IllegalStateException("a bug in a handler");
        }
    }

    @Test
    void aFailingHandlerAnswers500JsonAndHarmsNothingElse() {
        ApiClient.Account user = api.signUp(ApiClient.uniqueName("boom"));
        ApiClient.Response boom = api.get("/api/v1/test-only/explode", user.accessToken());
        assertThat(boom.status()).isEqualTo(500);
        assertThat(boom.code()).isEqualTo("INTERNAL_ERROR");
        assertThat(boom.body().path("message").asString()).doesNotContain("a bug in a handler");
        assertThat(api.get("/api/v1/users/me", user.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void healthAndProbesAreUp() {
        assertThat(api.get("/actuator/health", null).body().path("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(api.get("/actuator/health/liveness", null).body().path("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/readiness", null).body().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusShowsParleyErrorsByCode() {
        api.get("/api/v1/users/me", null);   // one UNAUTHENTICATED
        ApiClient.Response metrics = api.send(api.request("/actuator/prometheus", null).GET());
        assertThat(metrics.status()).isEqualTo(200);
        String text = new String(metrics.raw().body());
        assertThat(text).contains("parley_errors_total{");
        assertThat(text).containsPattern("parley_errors_total\\{[^}]*code=\"UNAUTHENTICATED\"");
    }

    @Test
    void corsPreflightAllowsConfiguredOriginsOnly() {
        ApiClient.Response allowed = api.send(api.request("/api/v1/auth/login", null)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type"));
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");

        ApiClient.Response refused = api.send(api.request("/api/v1/auth/login", null)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "POST"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void unknownPathsAndMethodsGetJsonErrors() {
        ApiClient.Account user = api.signUp(ApiClient.uniqueName("ops"));
        ApiClient.Response missing = api.get("/api/v1/no-such-thing", user.accessToken());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("NOT_FOUND");

        for (String publicPath : List.of("/api/v1/auth/login", "/api/v1/auth/register", "/api/v1/auth/refresh",
                "/api/v1/auth/logout")) {
            ApiClient.Response wrongMethod = api.get(publicPath, null);
            assertThat(wrongMethod.status()).as("GET %s needs no token to be told so", publicPath).isEqualTo(405);
            assertThat(wrongMethod.code()).isEqualTo("METHOD_NOT_ALLOWED");
        }
        assertThat(api.delete("/api/v1/auth/login", null).status()).isEqualTo(405);
        assertThat(api.post("/api/v1/users/me", null, Map.of()).status())
                .as("elsewhere a missing token is what is wrong first").isEqualTo(401);

        ApiClient.Response wrongMethodAuthenticated = api.put("/api/v1/users/me", user.accessToken(), Map.of());
        assertThat(wrongMethodAuthenticated.status()).isEqualTo(405);
        assertThat(wrongMethodAuthenticated.code()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void wrongContentTypeAndOversizedFieldsAreRefusedCleanly() {
        ApiClient.Response text = api.send(api.request("/api/v1/auth/login", null)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")));
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");

        ApiClient.Response huge = api.post("/api/v1/auth/register", null, Map.of("username", "x".repeat(10_000),
                "password", "y".repeat(10_000), "nickname", "z".repeat(10_000), "email", "a@b.c"));
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.code()).isEqualTo("VALIDATION_FAILED");

        // A JSON body over 1 MB is refused unread, whether its length is declared or it comes in chunks.
        String tooLong = "{\"username\":\"" + "x".repeat(JsonBodyLimit.MAX_BYTES) + "\"}";
        ApiClient.Response declared = api.send(api.request("/api/v1/auth/login", null)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(tooLong)));
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.code()).isEqualTo("PAYLOAD_TOO_LARGE");
        ApiClient.Response chunked = api.send(api.request("/api/v1/auth/login", null)
                .header("Content-Type", "application/json").POST(chunked(tooLong)));
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.code()).isEqualTo("PAYLOAD_TOO_LARGE");
        ApiClient.Response smallChunked = api.send(api.request("/api/v1/auth/login", null)
                .header("Content-Type", "application/json")
                .POST(chunked("{\"username\":\"nobody_here\",\"password\":\"not-the-password\"}")));
        assertThat(smallChunked.code()).as("a chunked body within the limit is read as usual")
                .isEqualTo("INVALID_CREDENTIALS");

        // the server is unharmed
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
    }

    /** A body without a declared length: the HTTP client sends it in chunks. */
    private static HttpRequest.BodyPublisher chunked(String body) {
        return HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @OnH2
    static class OnH2Test extends OperationsTests {
    }

    @OnMariaDb
    static class OnMariaDbTest extends OperationsTests {
    }
}
