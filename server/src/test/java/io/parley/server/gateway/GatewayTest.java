package io.parley.server.gateway;

import io.parley.server.auth.AccessTokens;
import io.parley.server.delivery.DeviceConnection;
import io.parley.server.delivery.SessionDirectory;
import io.parley.server.support.ApiClient;
import io.parley.server.support.ServerTest;
import io.parley.server.support.WsClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the gateway tests: the whole server, with limits small enough for a test to reach quickly and a
 * fixed token signing key (so a test can sign tokens of its own). Every class that keeps these settings shares
 * one server per database.
 */
@TestPropertySource(properties = {
        "parley.auth.signing-key=" + GatewayTest.SIGNING_KEY,
        "parley.gateway.allowed-origins=" + GatewayTest.ALLOWED_ORIGIN,
        "parley.gateway.max-frame-bytes=" + GatewayTest.MAX_FRAME_BYTES,
        "parley.gateway.hard-max-frame-bytes=" + GatewayTest.HARD_MAX_FRAME_BYTES,
        "parley.gateway.frames-per-second=20",
        "parley.gateway.frame-burst=" + GatewayTest.FRAME_BURST,
        "parley.gateway.write-buffer-limit=64KB"})
abstract class GatewayTest extends ServerTest {

    /** base64 of "parley-gateway-tests-signing-key!" (33 bytes). */
    static final String SIGNING_KEY = "cGFybGV5LWdhdGV3YXktdGVzdHMtc2lnbmluZy1rZXkh";
    static final String ALLOWED_ORIGIN = "http://allowed.example";
    static final int MAX_FRAME_BYTES = 1024;
    static final int HARD_MAX_FRAME_BYTES = 8192;
    static final int FRAME_BURST = 40;

    @Autowired
    protected GatewayServer gateway;

    @Autowired
    protected SessionDirectory directory;

    @Autowired
    private AccessTokens tokens;

    private final List<WsClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(WsClient::close);
    }

    /** Connects with the account's token; closed after the test. */
    protected WsClient connect(ApiClient.Account account) {
        return track(WsClient.connect(gateway.port(), account.accessToken()));
    }

    /** Keeps a client built by the test, to close it after the test. */
    protected WsClient track(WsClient client) {
        clients.add(client);
        return client;
    }

    protected ApiClient.Account signUp(String prefix) {
        return api.signUp(ApiClient.uniqueName(prefix));
    }

    /** The device ids the session directory holds for the account. */
    protected Set<String> devicesInDirectory(ApiClient.Account account) {
        return directory.devicesOf(internalId(account)).stream().map(DeviceConnection::deviceId).collect(Collectors.toSet());
    }

    /** The directory is keyed by the internal user id, which clients never see; the token carries it. */
    protected long internalId(ApiClient.Account account) {
        return tokens.verify(account.accessToken()).id();
    }
}
