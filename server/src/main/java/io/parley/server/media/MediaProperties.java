package io.parley.server.media;

import java.nio.file.Path;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Uploaded files ({@code parley.media.*}).
 *
 * @param storageDir     directory of {@link LocalBlobStore}
 * @param maxAvatarBytes largest accepted avatar image
 * @param maxFileBytes   largest accepted file for a message
 */
@ConfigurationProperties("parley.media")
public record MediaProperties(Path storageDir, @DefaultValue("2MB") DataSize maxAvatarBytes,
        @DefaultValue("10MB") DataSize maxFileBytes) {

    public MediaProperties {
        Objects.requireNonNull(storageDir, "parley.media.storage-dir must be set");
    }
}
