package io.parley.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Base of the integration tests: the whole server on free ports (REST and gateway), its data directory in a
 * fresh temporary folder, talked to over real HTTP ({@link #api}) and WebSocket. Subclasses pick the
 * database with {@link OnH2} or {@link OnMariaDb}; write the tests once in an abstract class and extend it
 * once per database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "parley.gateway.port=0",
        "parley.auth.bcrypt-strength=4",
        // Every test client comes from 127.0.0.1 and test classes share a server: one address-wide limit
        // would make unrelated tests refuse each other's logins. ThrottledLoginTests sets its own.
        "parley.auth.login-throttle.max-failures-per-address=100000",
        "logging.level.io.parley=INFO"})
@ContextConfiguration(initializers = ServerTest.TempDataDir.class)
public abstract class ServerTest {

    @LocalServerPort
    protected int httpPort;

    protected ApiClient api;

    @BeforeEach
    void connectApiClient() {
        api = new ApiClient("http://127.0.0.1:" + httpPort);
    }

    public static class TempDataDir implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            try {
                String dir = Files.createTempDirectory("parley-test-").toString();
                TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context, "parley.data-dir=" + dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
