package io.parley.server.media;

import java.time.Instant;

/** A file uploaded to be sent in messages: its public id, where its bytes are, and what it is. */
record MessageFile(String id, String blobKey, long uploaderId, long sizeBytes, String mediaType, String name,
        Instant createdAt) {

    /** The path a message carries in its url, and where anyone holding it downloads the file. */
    String url() {
        return FileController.PATH + "/" + id;
    }
}
