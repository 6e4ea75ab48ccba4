package io.parley.server.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key that signs access tokens. Taken from {@code parley.auth.signing-key} when set; otherwise generated
 * once and kept in {@code <data-dir>/token-signing.key}, so tokens survive a restart and no key is ever a
 * constant in the code.
 */
@Component
class SigningKeyProvider {

    private static final int KEY_BYTES = 32;

    private final SecretKey key;

    SigningKeyProvider(AuthProperties properties, @Value("${parley.data-dir}") Path dataDir) {
        byte[] bytes = properties.signingKey().isBlank()
                ? loadOrGenerate(dataDir.resolve("token-signing.key"))
                : decode(properties.signingKey());
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    SecretKey key() {
        return key;
    }

    private static byte[] decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("parley.auth.signing-key is not valid base64");
        }
        if (bytes.length < KEY_BYTES) {
            throw new IllegalStateException("parley.auth.signing-key must be at least " + KEY_BYTES + " bytes");
        }
        return bytes;
    }

    private static byte[] loadOrGenerate(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file));
            }
            Files.createDirectories(file.getParent());
            byte[] bytes = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(bytes);
            Files.writeString(file, Base64.getEncoder().encodeToString(bytes), StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file keeps the directory's permissions.
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the token signing key " + file, e);
        }
    }
}
