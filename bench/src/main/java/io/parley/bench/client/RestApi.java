package io.parley.bench.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The part of Parley's REST API the bench uses, asynchronous and bounded: at most {@code concurrency} requests
 * in flight, so setup runs in parallel without flooding the server.
 */
public final class RestApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final HttpClient http;
    private final Semaphore inFlight;
    private final ObjectMapper json = JsonMapper.builder().build();

    public RestApi(URI base, int concurrency) {
        this.base = base;
        this.inFlight = new Semaphore(concurrency);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** A REST call answered with a status the caller did not expect. */
    public static final class UnexpectedStatus extends RuntimeException {
        public UnexpectedStatus(String request, int status, String body) {
            super(request + " -> HTTP " + status + ": " + body);
        }
    }

    public CompletableFuture<JsonNode> post(String path, Object body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return call("POST " + path, request.build());
    }

    public CompletableFuture<JsonNode> get(String path) {
        return call("GET " + path, HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET().build());
    }

    /** A GET whose answer is plain text, such as the server's Prometheus metrics. */
    public CompletableFuture<String> getText(String path) {
        return callForText("GET " + path, HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET().build());
    }

    /** Registers a user and logs them in: the only time the bench logs anyone in. */
    public CompletableFuture<Account> registerAndLogIn(int index, String username, String password) {
        Map<String, String> register = Map.of("username", username, "password", password,
                "nickname", username, "email", username + "@bench.invalid");
        return post("/api/v1/auth/register", register, null)
                .thenCompose(created -> post("/api/v1/auth/login", Map.of("username", username, "password", password), null))
                .thenApply(tokens -> new Account(index, tokens.path("user").path("id").asString(), username,
                        tokens.path("accessToken").asString()));
    }

    /** Sends a friend request from {@code from} to {@code to}; the same from {@code to} back accepts it. */
    public CompletableFuture<JsonNode> requestFriendship(Account from, Account to) {
        return post("/api/v1/friend-requests", Map.of("username", to.username()), from.accessToken());
    }

    /** Creates a group anyone may join ({@code OPEN}) with {@code owner} as its owner; completes with its id. */
    public CompletableFuture<String> createOpenGroup(Account owner, String name) {
        return post("/api/v1/groups", Map.of("name", name, "joinPolicy", "OPEN"), owner.accessToken())
                .thenApply(group -> group.path("id").asString());
    }

    /** {@code member} joins an open group: a member at once, no friendship needed. */
    public CompletableFuture<JsonNode> joinGroup(Account member, String groupId) {
        return post("/api/v1/groups/" + groupId + "/join", Map.of(), member.accessToken());
    }

    /** Uploads {@code image} as the account's avatar (multipart part "file"); completes with the avatar's URL. */
    public CompletableFuture<String> uploadAvatar(Account account, byte[] image) {
        String boundary = "bench-" + Long.toHexString(System.nanoTime());
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"avatar.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/users/me/avatar"))
                .timeout(TIMEOUT)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bearer " + account.accessToken())
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, image, tail)))
                .build();
        return call("POST /api/v1/users/me/avatar", request).thenApply(user -> user.path("avatarUrl").asString());
    }

    private CompletableFuture<JsonNode> call(String what, HttpRequest request) {
        return callForText(what, request).thenApply(body -> body.isEmpty() ? json.nullNode() : json.readTree(body));
    }

    private CompletableFuture<String> callForText(String what, HttpRequest request) {
        inFlight.acquireUninterruptibly();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .whenComplete((response, failure) -> inFlight.release())
                .thenApply(response -> {
                    if (response.statusCode() / 100 != 2) {
                        throw new CompletionException(new UnexpectedStatus(what, response.statusCode(), response.body()));
                    }
                    return response.body();
                });
    }
}
