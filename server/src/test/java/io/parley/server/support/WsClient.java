package io.parley.server.support;

import com.google.protobuf.InvalidProtocolBufferException;
import io.parley.protocol.ErrorReply;
import io.parley.protocol.Frame;
import io.parley.protocol.Ping;
import io.parley.protocol.Pong;
import io.parley.protocol.Welcome;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real WebSocket client for tests (java.net.http), speaking Parley's protobuf frames and also everything a
 * misbehaving client might send: raw bytes, text frames, oversized frames, odd headers. It records every
 * frame received and how the server closed the connection.
 *
 * <pre>{@code
 * try (WsClient ws = WsClient.connect(gateway.port(), alice.accessToken())) {
 *     Welcome welcome = ws.welcome();
 *     ws.ping(7);                                     // asserts the Pong carries ref 7
 *     Frame event = ws.await(Frame.KindCase.FRIEND_EVENT);
 * }
 * int status = WsClient.to(port).token(t).origin("https://evil.example").refusedStatus();   // 403
 * }</pre>
 *
 * Waits use {@link #TIMEOUT} unless given; a wait that runs out fails the test with what was seen instead.
 */
public final class WsClient implements AutoCloseable {

    /** How long the waits without a duration wait. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The close code reported when the connection ended without a close frame (RFC 6455). */
    public static final int ABNORMAL_CLOSURE = 1006;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Receiver receiver;
    private final WebSocket socket;

    private WsClient(Receiver receiver, WebSocket socket) {
        this.receiver = receiver;
        this.socket = socket;
    }

    /** Connects with the token as {@code access_token} query parameter (as a browser does); the server assigns a device id. */
    public static WsClient connect(int port, String token) {
        return to(port).token(token).connect();
    }

    /** Connects as a browser would; {@code deviceId} and {@code origin} may be null (not sent). */
    public static WsClient connect(int port, String token, String deviceId, String origin) {
        return to(port).token(token).deviceId(deviceId).origin(origin).connect();
    }

    /** A connection to build: token in the query or a header, device id, origin, other headers. */
    public static Builder to(int port) {
        return new Builder(port);
    }

    public static final class Builder {
        private final int port;
        private String path = "/ws";
        private final Map<String, String> query = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Builder(int port) {
            this.port = port;
        }

        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /** The {@code access_token} query parameter; null sends none. */
        public Builder token(String token) {
            return query("access_token", token);
        }

        /** The token as {@code Authorization: Bearer} header, as a native client would send it. */
        public Builder bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        /** The {@code device_id} query parameter; null sends none. */
        public Builder deviceId(String deviceId) {
            return query("device_id", deviceId);
        }

        /** The Origin header a browser sends; null sends none (native apps). */
        public Builder origin(String origin) {
            return header("Origin", origin);
        }

        public Builder query(String name, String value) {
            if (value != null) {
                query.put(name, value);
            }
            return this;
        }

        public Builder header(String name, String value) {
            if (value != null) {
                headers.put(name, value);
            }
            return this;
        }

        /** Opens the WebSocket; fails the test when the server refuses the upgrade. */
        public WsClient connect() {
            Receiver receiver = new Receiver();
            try {
                WebSocket socket = handshake(receiver).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return new WsClient(receiver, socket);
            } catch (ExecutionException e) {
                throw new AssertionError("WebSocket handshake to " + uri() + " failed: " + describe(e.getCause()), e.getCause());
            } catch (InterruptedException | TimeoutException e) {
                throw new AssertionError("WebSocket handshake to " + uri() + " did not finish", e);
            }
        }

        /** The HTTP status of a refused upgrade; fails the test when the upgrade succeeds. */
        public int refusedStatus() {
            try {
                WebSocket socket = handshake(new Receiver()).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                socket.abort();
                throw new AssertionError("Expected " + uri() + " to refuse the upgrade, but it was accepted");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof WebSocketHandshakeException refused) {
                    return refused.getResponse().statusCode();
                }
                throw new AssertionError("WebSocket handshake failed without an HTTP answer: " + describe(e.getCause()), e);
            } catch (InterruptedException | TimeoutException e) {
                throw new AssertionError("WebSocket handshake to " + uri() + " did not finish", e);
            }
        }

        private CompletableFuture<WebSocket> handshake(Receiver receiver) {
            WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(TIMEOUT);
            headers.forEach(builder::header);
            return builder.buildAsync(uri(), receiver);
        }

        private URI uri() {
            StringBuilder uri = new StringBuilder("ws://127.0.0.1:").append(port).append(path);
            char separator = '?';
            for (Map.Entry<String, String> parameter : query.entrySet()) {
                uri.append(separator).append(parameter.getKey()).append('=')
                        .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
                separator = '&';
            }
            return URI.create(uri.toString());
        }

        private static String describe(Throwable failure) {
            if (failure instanceof WebSocketHandshakeException refused) {
                return "HTTP " + refused.getResponse().statusCode();
            }
            return String.valueOf(failure);
        }
    }

    // ---- receiving -------------------------------------------------------------------------------------

    /** The next frame received, waiting up to {@code timeout}. */
    public Frame next(Duration timeout) {
        try {
            Frame frame = receiver.frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                throw new AssertionError("No frame within " + timeout + "; " + receiver.state());
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public Frame next() {
        return next(TIMEOUT);
    }

    /** The next frame of {@code kind}, skipping frames of other kinds. */
    public Frame await(Frame.KindCase kind, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Frame.KindCase> skipped = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("No " + kind + " frame within " + timeout + " (skipped " + skipped + "); "
                        + receiver.state());
            }
            Frame frame = next(Duration.ofNanos(left));
            if (frame.getKindCase() == kind) {
                return frame;
            }
            skipped.add(frame.getKindCase());
        }
    }

    public Frame await(Frame.KindCase kind) {
        return await(kind, TIMEOUT);
    }

    /** The Welcome frame the server sends first. */
    public Welcome welcome() {
        Frame first = next();
        if (!first.hasWelcome()) {
            throw new AssertionError("Expected Welcome first, got " + first);
        }
        return first.getWelcome();
    }

    /** The next ErrorReply, which must carry {@code ref}. */
    public ErrorReply error(long ref) {
        Frame frame = await(Frame.KindCase.ERROR);
        if (frame.getRef() != ref) {
            throw new AssertionError("Expected an error for ref " + ref + ", got " + frame);
        }
        return frame.getError();
    }

    /** Sends a Ping with {@code ref} and waits for its Pong: proof the connection still works. */
    public Pong ping(long ref) {
        long clientTime = System.currentTimeMillis();
        send(Frame.newBuilder().setRef(ref).setPing(Ping.newBuilder().setClientTime(clientTime)).build());
        Frame frame = await(Frame.KindCase.PONG);
        if (frame.getRef() != ref || frame.getPong().getClientTime() != clientTime) {
            throw new AssertionError("Pong does not answer ping " + ref + "/" + clientTime + ": " + frame);
        }
        return frame.getPong();
    }

    /** The close code the server sent (1006 when the connection broke without one), waiting up to {@code timeout}. */
    public int awaitClose(Duration timeout) {
        try {
            return receiver.closeCode.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("Not closed within " + timeout + "; " + receiver.state());
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    public int awaitClose() {
        return awaitClose(TIMEOUT);
    }

    /** The reason text of the server's close frame, once closed. */
    public String closeReason() {
        return receiver.closeReason;
    }

    public boolean isClosed() {
        return receiver.closeCode.isDone();
    }

    /**
     * Stops reading from the socket (no more demand), so what the server sends piles up in the TCP buffers and
     * then in the server: a slow consumer. Frames already delivered stay readable.
     */
    public void pauseReading() {
        receiver.pause();
    }

    public void resumeReading() {
        receiver.resume();
    }

    // ---- sending ---------------------------------------------------------------------------------------

    public void send(Frame frame) {
        sendRaw(frame.toByteArray());
    }

    /** Any bytes as one binary WebSocket message: garbage, truncated or oversized frames. */
    public void sendRaw(byte[] bytes) {
        complete(socket.sendBinary(ByteBuffer.wrap(bytes), true), "binary message");
    }

    /** One binary message split into WebSocket fragments (continuation frames), as large messages may be sent. */
    public void sendFragments(byte[]... fragments) {
        for (int i = 0; i < fragments.length; i++) {
            complete(socket.sendBinary(ByteBuffer.wrap(fragments[i]), i == fragments.length - 1), "fragment");
        }
    }

    public void sendText(String text) {
        complete(socket.sendText(text, true), "text message");
    }

    /** Sends unless the connection is closing or closed; for floods that the server is expected to cut off. */
    public boolean trySend(Frame frame) {
        try {
            socket.sendBinary(ByteBuffer.wrap(frame.toByteArray()), true).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | IllegalStateException closed) {
            return false;
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("Sending did not finish", e);
        }
    }

    private void complete(CompletableFuture<WebSocket> sending, String what) {
        try {
            sending.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | InterruptedException | TimeoutException e) {
            throw new AssertionError("Could not send a " + what + "; " + receiver.state(), e);
        }
    }

    /** Closes normally (1000) if the server has not closed; the connection is gone when this returns. */
    @Override
    public void close() {
        if (!isClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                receiver.resume();
                receiver.closeCode.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | InterruptedException | TimeoutException | IllegalStateException e) {
                // the server closed first, or did not answer: either way the socket is dropped below
            }
        }
        socket.abort();
    }

    /** Collects whole messages, decodes them as Frames and keeps the demand at one message at a time. */
    private static final class Receiver implements WebSocket.Listener {

        final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        volatile String closeReason;
        private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
        private final List<String> problems = new ArrayList<>();
        private WebSocket socket;
        private boolean paused;
        private boolean owed;

        @Override
        public void onOpen(WebSocket webSocket) {
            synchronized (this) {
                socket = webSocket;
            }
            requestNext();
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            partial.writeBytes(bytes);
            if (last) {
                byte[] message = partial.toByteArray();
                partial.reset();
                try {
                    frames.add(Frame.parseFrom(message));
                } catch (InvalidProtocolBufferException e) {
                    problem("undecodable binary message of " + message.length + " bytes");
                }
            }
            requestNext();
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            problem("text message from the server: " + data);
            requestNext();
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            requestNext();
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            requestNext();
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason = reason;
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            problem("connection failed: " + error);
            closeCode.complete(ABNORMAL_CLOSURE);
        }

        synchronized void pause() {
            paused = true;
        }

        synchronized void resume() {
            paused = false;
            if (owed) {
                owed = false;
                socket.request(1);
            }
        }

        private synchronized void requestNext() {
            if (paused) {
                owed = true;
            } else {
                socket.request(1);
            }
        }

        private synchronized void problem(String problem) {
            problems.add(problem);
        }

        synchronized String state() {
            return (closeCode.isDone() ? "closed with " + closeCode.join() + " '" + closeReason + "'" : "open")
                    + (problems.isEmpty() ? "" : ", problems: " + problems);
        }
    }
}
