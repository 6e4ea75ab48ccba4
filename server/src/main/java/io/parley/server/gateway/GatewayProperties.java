package io.parley.server.gateway;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * WebSocket gateway settings ({@code parley.gateway.*}); application.yml documents each one.
 *
 * @param port              TCP port of the gateway; 0 picks a free one ({@link GatewayServer#port()} tells which)
 * @param path              the WebSocket path, e.g. {@code /ws}
 * @param allowedOrigins    browser origins allowed to open the WebSocket; requests without Origin are allowed
 * @param heartbeatInterval how often clients should ping, told to them in the Welcome frame
 * @param idleTimeout       a connection that sends nothing for this long is closed with 4408
 * @param maxFrameBytes     frames larger than this are refused with FRAME_TOO_LARGE, the connection stays open
 * @param hardMaxFrameBytes frames larger than this close the connection with 1009
 * @param framesPerSecond   sustained frames per second per connection (token bucket refill rate)
 * @param frameBurst        frames a connection may send at once (token bucket size); past both: 4429
 * @param shutdownGrace     on shutdown, how long connections get to close after "going away" (1001)
 * @param writeBufferLimit  outbound bytes queued per connection before a further frame closes it with 4413
 * @param nativeTransport   use Linux's epoll where Netty's native library loads, else NIO
 * @param ioThreads         event loops serving the connections; 0 means one per processor
 */
@ConfigurationProperties("parley.gateway")
public record GatewayProperties(
        @DefaultValue("8090") int port,
        @DefaultValue("/ws") String path,
        List<String> allowedOrigins,
        @DefaultValue("25s") Duration heartbeatInterval,
        @DefaultValue("60s") Duration idleTimeout,
        @DefaultValue("65536") int maxFrameBytes,
        @DefaultValue("1048576") int hardMaxFrameBytes,
        @DefaultValue("50") int framesPerSecond,
        @DefaultValue("200") int frameBurst,
        @DefaultValue("10s") Duration shutdownGrace,
        @DefaultValue("4MB") DataSize writeBufferLimit,
        @DefaultValue("true") boolean nativeTransport,
        @DefaultValue("0") int ioThreads) {

    public GatewayProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        require(port >= 0 && port <= 65535, "port must be 0..65535");
        require(path.startsWith("/") && !path.contains("?"), "path must start with / and have no query");
        require(maxFrameBytes > 0 && maxFrameBytes <= hardMaxFrameBytes, "max-frame-bytes must be 1..hard-max-frame-bytes");
        require(framesPerSecond > 0 && frameBurst > 0, "frames-per-second and frame-burst must be positive");
        require(idleTimeout.toMillis() > 0 && heartbeatInterval.toMillis() > 0, "idle-timeout and heartbeat-interval must be positive");
        require(ioThreads >= 0, "io-threads must be 0 (one per processor) or more");
        require(writeBufferLimit.toBytes() >= 2 && writeBufferLimit.toBytes() <= Integer.MAX_VALUE, "write-buffer-limit out of range");
    }

    /**
     * The event loops to start. Netty's own default is two per processor; the gateway's loops never block,
     * so more loops than processors only add thread switches (on 2 cores, four loops gave S2 a higher latency
     * at the same rate than two did).
     */
    public int eventLoops() {
        return ioThreads > 0 ? ioThreads : Runtime.getRuntime().availableProcessors();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("parley.gateway." + message);
        }
    }
}
