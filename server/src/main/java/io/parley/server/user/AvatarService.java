package io.parley.server.user;

import io.parley.server.media.BlobStore;
import io.parley.server.media.ContentSniffer;
import io.parley.server.media.ImageFormat;
import io.parley.server.media.MediaProperties;
import io.parley.server.web.ApiException;
import io.parley.server.web.ErrorCode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Avatar images: accepted only when their bytes are a PNG, JPEG, GIF or WebP image, whatever the upload
 * calls itself; stored in the {@link BlobStore} under their content hash; the key kept in {@code users.avatar}.
 * Old images are not deleted: other accounts may use the same bytes (same key).
 */
@Service
class AvatarService {

    private final BlobStore blobs;
    private final UserService users;
    private final MediaProperties media;

    AvatarService(BlobStore blobs, UserService users, MediaProperties media) {
        this.blobs = blobs;
        this.users = users;
        this.media = media;
    }

    /** Stores the upload as the user's avatar. The file is written before the row changes: no row points at nothing. */
    UserViews.Own replace(long userId, MultipartFile file) throws IOException {
        long maxBytes = media.maxAvatarBytes().toBytes();
        if (file.getSize() > maxBytes) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "An avatar may be at most " + maxBytes + " bytes");
        }
        try (InputStream in = file.getInputStream()) {
            if (ContentSniffer.image(in.readNBytes(ContentSniffer.HEAD_LENGTH)).isEmpty()) {
                throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                        "An avatar must be a PNG, JPEG, GIF or WebP image");
            }
        }
        String key;
        try (InputStream in = file.getInputStream()) {
            key = blobs.put(in);
        }
        return users.changeAvatar(userId, key);
    }

    /** The avatar's storage key; 404 USER_NOT_FOUND for an unknown user, NOT_FOUND when they have no avatar. */
    String keyOf(String userUuid) {
        return users.avatarKey(userUuid)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "This user has no avatar"));
    }

    /** The stored image and its format, sniffed again from the stored bytes. The caller closes the stream. */
    AvatarImage open(String key) throws IOException {
        InputStream stored = blobs.open(key)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "The avatar image is missing"));
        BufferedInputStream in = new BufferedInputStream(stored);
        try {
            in.mark(ContentSniffer.HEAD_LENGTH);
            byte[] head = in.readNBytes(ContentSniffer.HEAD_LENGTH);
            in.reset();
            ImageFormat format = ContentSniffer.image(head)
                    .orElseThrow(() -> new IllegalStateException("Stored avatar " + key + " is not an image"));
            return new AvatarImage(format, in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    record AvatarImage(ImageFormat format, InputStream content) {
    }
}
