package io.parley.server.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** A small real HTTP client for the REST API, as an outside client would use it. */
public class ApiClient {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ApiClient(String base) {
        this.base = base;
    }

    public String base() {
        return base;
    }

    /** A status, headers and the body parsed as JSON (a missing node when the body is empty). */
    public record Response(int status, JsonNode body, HttpResponse<byte[]> raw) {

        public String code() {
            return body.path("code").asString();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    /** A registered and logged-in user. */
    public record Account(String id, String username, String password, String accessToken, String refreshToken) {
    }

    /** A username no other test in this JVM uses. */
    public static String uniqueName(String prefix) {
        return prefix + "_" + NAMES.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** Registers {@code username} with a fixed password and logs in. */
    public Account signUp(String username) {
        String password = "password-" + username;
        Response registered = post("/api/v1/auth/register", null, Map.of("username", username, "password", password,
                "nickname", "Nick " + username, "email", username + "@example.com"));
        if (registered.status() != 201) {
            throw new AssertionError("register failed: " + registered.status() + " " + registered.body());
        }
        Response login = post("/api/v1/auth/login", null, Map.of("username", username, "password", password));
        if (login.status() != 200) {
            throw new AssertionError("login failed: " + login.status() + " " + login.body());
        }
        return new Account(login.body().path("user").path("id").asString(), username, password,
                login.body().path("accessToken").asString(), login.body().path("refreshToken").asString());
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    public Response post(String path, String token, Object body) {
        return send(json(request(path, token), body).POST(bodyOf(body)));
    }

    public Response put(String path, String token, Object body) {
        return send(json(request(path, token), body).PUT(bodyOf(body)));
    }

    public Response patch(String path, String token, Object body) {
        return send(json(request(path, token), body).method("PATCH", bodyOf(body)));
    }

    /** POSTs one file as the multipart/form-data part {@code part}, with the file name and type the client claims. */
    public Response upload(String path, String token, String part, String filename, String contentType, byte[] content) {
        String boundary = "parley-test-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + part + "\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
        return send(request(path, token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Sends a request built by the caller, for raw bodies, odd headers and multipart. */
    public Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = response.body().length == 0 || !isJson(response)
                    ? JSON.missingNode()
                    : JSON.readTree(response.body());
            return new Response(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new AssertionError("HTTP request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static boolean isJson(HttpResponse<byte[]> response) {
        return response.headers().firstValue("Content-Type").orElse("").contains("json");
    }

    private static HttpRequest.Builder json(HttpRequest.Builder builder, Object body) {
        return body == null ? builder : builder.header("Content-Type", "application/json");
    }

    private static HttpRequest.BodyPublisher bodyOf(Object body) {
        if (body == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        if (body instanceof String raw) {
            return HttpRequest.BodyPublishers.ofString(raw);
        }
        return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
    }
}
