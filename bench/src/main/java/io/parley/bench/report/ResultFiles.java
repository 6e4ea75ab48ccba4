package io.parley.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Results as JSON files in a folder, one per scenario and database ({@code s2-h2.json}). */
public final class ResultFiles {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ResultFiles() {
    }

    public static Path write(ScenarioResult result, Path folder) {
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(result.fileStem() + ".json");
            JSON.writeValue(file.toFile(), result);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every result in the folder, by file name. */
    public static List<ScenarioResult> readAll(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches("s\\d+-.*\\.json"))
                    .sorted()
                    .map(f -> JSON.readValue(f.toFile(), ScenarioResult.class))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectMapper json() {
        return JSON;
    }
}
