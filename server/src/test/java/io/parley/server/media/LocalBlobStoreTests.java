package io.parley.server.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class LocalBlobStoreTests {

    @TempDir
    Path dir;

    private LocalBlobStore store;

    @BeforeEach
    void createStore() {
        store = new LocalBlobStore(new MediaProperties(dir.resolve("files"), DataSize.ofMegabytes(2), DataSize.ofMegabytes(10)));
    }

    @Test
    void theKeyIsTheSha256OfTheContentAndOpensTheSameBytes() throws Exception {
        byte[] content = "some content".getBytes(StandardCharsets.UTF_8);
        String key = store.put(content);

        assertThat(key).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        assertThat(store.exists(key)).isTrue();
        try (InputStream in = store.open(key).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(dir.resolve("files").resolve(key.substring(0, 2)).resolve(key)).isRegularFile();
    }

    @Test
    void sameBytesAreStoredOnceAndLeaveNoTemporaryFiles() throws IOException {
        byte[] content = new byte[100_000];
        content[42] = 7;
        String first = store.put(new ByteArrayInputStream(content));
        String second = store.put(content);

        assertThat(second).isEqualTo(first);
        try (Stream<Path> files = Files.walk(dir.resolve("files"))) {
            assertThat(files.filter(Files::isRegularFile)).containsExactly(
                    dir.resolve("files").resolve(first.substring(0, 2)).resolve(first));
        }
    }

    @Test
    void anUnknownKeyIsAbsent() throws IOException {
        String unknown = "0".repeat(64);
        assertThat(store.exists(unknown)).isFalse();
        assertThat(store.open(unknown)).isEqualTo(Optional.empty());
    }

    @Test
    void somethingThatIsNotAKeyNeverBecomesAPath() {
        for (String bad : new String[] {"../../etc/passwd", "", "A".repeat(64), "0".repeat(63), "0".repeat(63) + "/"}) {
            assertThatThrownBy(() -> store.open(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.exists(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
