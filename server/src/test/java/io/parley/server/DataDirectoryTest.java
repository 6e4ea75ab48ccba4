package io.parley.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class DataDirectoryTest {

    private final DataDirectory dataDirectory = new DataDirectory();

    @Test
    void aRelativePathIsResolvedAgainstTheWorkingDirectoryAndNormalized() {
        MockEnvironment environment = new MockEnvironment().withProperty(DataDirectory.PROPERTY, "chat/../store");

        dataDirectory.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(DataDirectory.PROPERTY))
                .isEqualTo(Path.of("").toAbsolutePath().resolve("store").toString());
    }

    @Test
    void placeholdersBuiltOnItSeeTheAbsolutePath() {
        MockEnvironment environment = new MockEnvironment().withProperty(DataDirectory.PROPERTY, "./data")
                .withProperty("spring.datasource.url", "jdbc:h2:file:${parley.data-dir}/db/parley;MODE=MySQL");

        dataDirectory.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:h2:file:" + Path.of("").toAbsolutePath().resolve("data") + "/db/parley;MODE=MySQL");
    }

    @Test
    void anAbsolutePathIsKept() {
        MockEnvironment environment = new MockEnvironment().withProperty(DataDirectory.PROPERTY, "/var/lib/parley");

        dataDirectory.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(DataDirectory.PROPERTY)).isEqualTo("/var/lib/parley");
    }

    @Test
    void anEmptyPathStopsTheStartSayingWhatToGive() {
        MockEnvironment environment = new MockEnvironment().withProperty(DataDirectory.PROPERTY, " ");

        assertThatThrownBy(() -> dataDirectory.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("parley.data-dir (PARLEY_DATA_DIR) is empty");
    }
}
