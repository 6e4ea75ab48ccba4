package io.parley.server.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * {@link BlobStore} on the local disk under {@code parley.media.storage-dir}: each file is named by the SHA-256
 * of its content, in a sub-directory named by the first two hex digits (so no directory grows too large).
 * A file is written to {@code tmp/} first and moved into place whole, so a reader never sees half a file.
 */
@Component
public class LocalBlobStore implements BlobStore {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final Path tmp;

    public LocalBlobStore(MediaProperties properties) {
        this.root = properties.storageDir().toAbsolutePath().normalize();
        this.tmp = root.resolve("tmp");
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the media directory " + tmp, e);
        }
    }

    @Override
    public String put(InputStream content) throws IOException {
        Path upload = Files.createTempFile(tmp, "upload-", ".part");
        try {
            MessageDigest sha256 = sha256();
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(upload), sha256)) {
                content.transferTo(out);
            }
            String key = HexFormat.of().formatHex(sha256.digest());
            if (!exists(key)) {
                moveIntoPlace(upload, pathOf(key));
            }
            return key;
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    @Override
    public Optional<InputStream> open(String key) throws IOException {
        try {
            return Optional.of(Files.newInputStream(pathOf(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(pathOf(key));
    }

    private static void moveIntoPlace(Path upload, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            Files.move(upload, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException sameContentStoredMeanwhile) {
            // Same key, same bytes: nothing to do.
        }
    }

    /** Keys are checked before they become paths, so even a corrupted key cannot leave the storage directory. */
    private Path pathOf(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a blob key: " + key);
        }
        return root.resolve(key.substring(0, 2)).resolve(key);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
