package io.parley.server.media;

import io.parley.server.web.ApiException;
import io.parley.server.web.ErrorCode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Avatar images of users and groups, one set of rules for both: accepted only when their bytes are a PNG,
 * JPEG, GIF or WebP image, whatever the upload calls itself; at most {@code parley.media.max-avatar-bytes};
 * stored in the {@link BlobStore} under their content hash, which the owner keeps as its avatar key. Old
 * images are not deleted: others may use the same bytes (same key).
 */
@Component
public class AvatarImages {

    /**
     * An avatar URL stays the same when the image changes, so caches must ask again each time; the ETag (the
     * content hash) makes asking cheap: an unchanged avatar costs a 304 without a body.
     */
    private static final CacheControl CACHE = CacheControl.noCache().cachePublic();

    private final BlobStore blobs;
    private final MediaProperties media;

    AvatarImages(BlobStore blobs, MediaProperties media) {
        this.blobs = blobs;
        this.media = media;
    }

    /**
     * Checks and stores an upload and returns its key. 413 PAYLOAD_TOO_LARGE above the limit, 415
     * UNSUPPORTED_MEDIA_TYPE when it is not such an image. Store the file before pointing a row at it.
     */
    public String store(MultipartFile file) throws IOException {
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
        try (InputStream in = file.getInputStream()) {
            return blobs.put(in);
        }
    }

    /**
     * The response serving the image stored under {@code key}: its detected type, nosniff, inline disposition
     * and the key as ETag; 304 without a body when {@code ifNoneMatch} already names it.
     */
    public ResponseEntity<InputStreamResource> serve(String key, String ifNoneMatch) throws IOException {
        String etag = '"' + key + '"';
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CACHE).build();
        }
        InputStream stored = blobs.open(key)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "The avatar image is missing"));
        BufferedInputStream in = new BufferedInputStream(stored);
        ImageFormat format;
        try {
            in.mark(ContentSniffer.HEAD_LENGTH);
            byte[] head = in.readNBytes(ContentSniffer.HEAD_LENGTH);
            in.reset();
            format = ContentSniffer.image(head)
                    .orElseThrow(() -> new IllegalStateException("Stored avatar " + key + " is not an image"));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        return ResponseEntity.ok()
                .contentType(format.mediaType())
                .eTag(etag)
                .cacheControl(CACHE)
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename("avatar." + format.extension()).build().toString())
                .body(new InputStreamResource(in));
    }
}
