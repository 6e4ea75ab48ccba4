package io.parley.server.media;

import io.swagger.v3.oas.annotations.media.Schema;

/** What an upload answers: the url to put in a message's {@code url}, and what the server made of the file. */
@Schema(name = "UploadedFile")
record FileView(
        @Schema(description = "32 hex digits, random") String id,
        @Schema(description = "Path to download the file, relative to the server; send it as the message's url",
                example = "/api/v1/files/3f2a9c0e4b7d1a6e8c5f0b2d9e7a4c1f") String url,
        @Schema(description = "The uploaded file's name, without any directory, at most 255 characters") String name,
        @Schema(description = "Size in bytes") long size,
        @Schema(description = "Detected from the bytes: image/png, image/jpeg, image/gif, image/webp, "
                + "or application/octet-stream for anything else") String contentType) {

    static FileView of(MessageFile file) {
        return new FileView(file.id(), file.url(), file.name(), file.sizeBytes(), file.mediaType());
    }
}
