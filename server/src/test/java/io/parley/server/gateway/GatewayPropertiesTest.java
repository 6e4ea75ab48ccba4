package io.parley.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class GatewayPropertiesTest {

    @Test
    void zeroIoThreadsMeansOneEventLoopPerProcessor() {
        assertThat(withIoThreads(0).eventLoops()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void aSetNumberOfIoThreadsIsKept() {
        assertThat(withIoThreads(3).eventLoops()).isEqualTo(3);
    }

    @Test
    void negativeIoThreadsAreRefusedAtStartup() {
        assertThatThrownBy(() -> withIoThreads(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parley.gateway.io-threads");
    }

    private static GatewayProperties withIoThreads(int ioThreads) {
        return new GatewayProperties(8090, "/ws", List.of(), Duration.ofSeconds(25), Duration.ofSeconds(60), 65536,
                1048576, 50, 200, Duration.ofSeconds(10), DataSize.ofMegabytes(4), true, ioThreads);
    }
}
