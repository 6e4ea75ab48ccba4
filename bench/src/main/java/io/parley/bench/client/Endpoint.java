package io.parley.bench.client;

import java.net.InetSocketAddress;
import java.net.URI;

/** Where the server under test listens: its REST API base and its WebSocket gateway. */
public record Endpoint(URI http, URI ws) {

    public static Endpoint of(String http, String ws) {
        return new Endpoint(URI.create(http.replaceAll("/+$", "")), URI.create(ws));
    }

    InetSocketAddress gatewayAddress() {
        return new InetSocketAddress(ws.getHost(), ws.getPort());
    }

    URI wsUri(String deviceId) {
        return URI.create(ws + "?device_id=" + deviceId);
    }
}
