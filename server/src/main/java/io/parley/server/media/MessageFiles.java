package io.parley.server.media;

import io.parley.server.web.ApiException;
import io.parley.server.web.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Files for messages: any kind of file, at most {@code parley.media.max-file-bytes}, stored in the
 * {@link BlobStore} and listed under a random id. What a file is comes from its bytes: PNG, JPEG, GIF and WebP
 * images are served as such and shown inline; everything else is served as {@code application/octet-stream}
 * to be saved, never as something a browser would run (HTML, SVG, script).
 */
@Service
public class MessageFiles {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    private static final int ID_BYTES = 16;
    private static final int MAX_NAME_LENGTH = 255;
    /** What a file id names never changes, so a cache may keep it for good. */
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final BlobStore blobs;
    private final MediaProperties media;
    private final MessageFileCatalog catalog;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    MessageFiles(BlobStore blobs, MediaProperties media, MessageFileCatalog catalog, Clock clock) {
        this.blobs = blobs;
        this.media = media;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * Stores an upload and lists it under a new id. 413 PAYLOAD_TOO_LARGE above the limit, 400 MALFORMED_REQUEST
     * for an empty file. The bytes are stored before the row that points at them.
     */
    FileView upload(long uploaderId, MultipartFile file) throws IOException {
        long maxBytes = media.maxFileBytes().toBytes();
        if (file.getSize() > maxBytes) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "A file may be at most " + maxBytes + " bytes");
        }
        if (file.isEmpty()) {
            throw new ApiException(ErrorCode.MALFORMED_REQUEST, "The file is empty");
        }
        Optional<ImageFormat> image;
        try (InputStream in = file.getInputStream()) {
            image = ContentSniffer.image(in.readNBytes(ContentSniffer.HEAD_LENGTH));
        }
        String key;
        try (InputStream in = file.getInputStream()) {
            key = blobs.put(in);
        }
        String mediaType = image.map(format -> format.mediaType().toString())
                .orElse(MediaType.APPLICATION_OCTET_STREAM_VALUE);
        MessageFile stored = new MessageFile(newId(), key, uploaderId, file.getSize(), mediaType,
                displayName(file.getOriginalFilename()), clock.instant());
        catalog.add(stored);
        return FileView.of(stored);
    }

    /**
     * The response serving file {@code id}: images inline with their type, anything else as an attachment of
     * type application/octet-stream; always nosniff and a sandboxing Content-Security-Policy. 404 NOT_FOUND
     * for an id that names no file, well-formed or not.
     */
    ResponseEntity<InputStreamResource> download(String id, String ifNoneMatch) throws IOException {
        MessageFile file = Optional.of(id).filter(ID.asMatchPredicate()).flatMap(catalog::find)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No such file"));
        String etag = '"' + file.blobKey() + '"';
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CACHE).build();
        }
        InputStream in = blobs.open(file.blobKey())
                .orElseThrow(() -> new IllegalStateException("The bytes of file " + id + " are missing"));
        boolean image = !file.mediaType().equals(MediaType.APPLICATION_OCTET_STREAM_VALUE);
        ContentDisposition disposition = (image ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(file.name(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .contentLength(file.sizeBytes())
                .eTag(etag)
                .cacheControl(CACHE)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(new InputStreamResource(in));
    }

    private String newId() {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * The uploader's file name without any directory part or control characters, at most 255 characters;
     * "file" when nothing is left. It is only ever given back as the download's file name.
     */
    static String displayName(String original) {
        if (original == null) {
            return "file";
        }
        String base = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
        StringBuilder name = new StringBuilder();
        base.codePoints().filter(c -> !Character.isISOControl(c)).limit(MAX_NAME_LENGTH).forEach(name::appendCodePoint);
        String trimmed = name.toString().strip();
        return trimmed.isEmpty() || trimmed.equals(".") || trimmed.equals("..") ? "file" : trimmed;
    }
}
