package io.parley.server.media;

import org.springframework.http.MediaType;

/** The image formats Parley accepts for display in the browser. SVG is not one: it can carry script. */
public enum ImageFormat {
    PNG(MediaType.IMAGE_PNG, "png"),
    JPEG(MediaType.IMAGE_JPEG, "jpg"),
    GIF(MediaType.IMAGE_GIF, "gif"),
    WEBP(new MediaType("image", "webp"), "webp");

    private final MediaType mediaType;
    private final String extension;

    ImageFormat(MediaType mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    /** File name extension for Content-Disposition, without the dot. */
    public String extension() {
        return extension;
    }
}
