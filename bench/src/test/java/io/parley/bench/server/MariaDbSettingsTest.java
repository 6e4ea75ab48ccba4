package io.parley.bench.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MariaDbSettingsTest {

    @Test
    void aSpecIsNameValuePairsInOrder() {
        assertThat(MariaDbSettings.parse("innodb_io_capacity=2000, innodb_buffer_pool_size=2147483648"))
                .containsExactly(Map.entry("innodb_io_capacity", "2000"),
                        Map.entry("innodb_buffer_pool_size", "2147483648"));
    }

    @Test
    void noneAndBlankLeaveTheServerAsItIs() {
        assertThat(MariaDbSettings.parse("none")).isEmpty();
        assertThat(MariaDbSettings.parse(" ")).isEmpty();
    }

    @Test
    void theDefaultParses() {
        assertThat(MariaDbSettings.parse(MariaDbSettings.DEFAULT)).containsKeys("innodb_buffer_pool_size",
                "innodb_log_file_size", "innodb_io_capacity");
    }

    @Test
    void anythingButAPlainNameAndValueIsRefusedBeforeReachingTheServer() {
        for (String bad : new String[] {"innodb_io_capacity", "innodb_io_capacity=1;DROP DATABASE x",
                "Innodb=1", "a=b c", "=5"}) {
            assertThatThrownBy(() -> MariaDbSettings.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
