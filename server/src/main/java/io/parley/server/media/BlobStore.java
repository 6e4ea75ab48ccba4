package io.parley.server.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where uploaded files live: the seam between Parley and its file storage (local disk today, an object store
 * such as S3 later). Content is addressed by its SHA-256, so a key never comes from user input, the same bytes
 * are stored once, and a key always names the same bytes.
 *
 * <p>A store enforces no size limit: callers check limits before storing.
 */
public interface BlobStore {

    /** Stores the content and returns its key: the lower-case hex SHA-256 of the bytes. */
    String put(InputStream content) throws IOException;

    default String put(byte[] content) throws IOException {
        return put(new ByteArrayInputStream(content));
    }

    /** The content stored under {@code key}, or empty when there is none. The caller closes the stream. */
    Optional<InputStream> open(String key) throws IOException;

    boolean exists(String key) throws IOException;
}
