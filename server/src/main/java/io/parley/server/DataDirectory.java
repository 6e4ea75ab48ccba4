package io.parley.server;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code parley.data-dir} into an absolute path, against the working directory, before anything reads
 * it. The default H2 URL is built from it, and H2 refuses a relative database path that does not start with
 * {@code ./}: {@code --parley.data-dir=data2} would otherwise stop the server at start.
 */
public class DataDirectory implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "parley.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY);
        if (configured == null) {
            return;
        }
        if (configured.isBlank()) {
            // Left empty, the H2 URL and the file store would be built on the file system's root.
            throw new IllegalStateException(PROPERTY + " (PARLEY_DATA_DIR) is empty: give the folder for the database"
                    + " and files, absolute or relative to where the server starts, e.g. ./data");
        }
        String absolute = Path.of(configured).toAbsolutePath().normalize().toString();
        environment.getPropertySources().addFirst(new MapPropertySource("parley-absolute-data-dir", Map.of(PROPERTY, absolute)));
    }

    /** After application.yml, the environment and the command line are read. */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
