package io.parley.server.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Tells what a file is from its first bytes (magic numbers), never from its name or the Content-Type the
 * uploader declared: both are whatever the client wants them to be.
 */
public final class ContentSniffer {

    /** How many leading bytes {@link #image} needs to recognise every format. */
    public static final int HEAD_LENGTH = 12;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] GIF87A = ascii("GIF87a");
    private static final byte[] GIF89A = ascii("GIF89a");
    private static final byte[] RIFF = ascii("RIFF");
    private static final byte[] WEBP = ascii("WEBP");
    /** A WebP file is a RIFF container: "RIFF", four bytes of length, then "WEBP". */
    private static final int WEBP_TAG_OFFSET = 8;

    private ContentSniffer() {
    }

    /** The image format the bytes start with, or empty when they are not one Parley accepts. */
    public static Optional<ImageFormat> image(byte[] head) {
        if (startsWith(head, 0, PNG)) {
            return Optional.of(ImageFormat.PNG);
        }
        if (startsWith(head, 0, JPEG)) {
            return Optional.of(ImageFormat.JPEG);
        }
        if (startsWith(head, 0, GIF87A) || startsWith(head, 0, GIF89A)) {
            return Optional.of(ImageFormat.GIF);
        }
        if (startsWith(head, 0, RIFF) && startsWith(head, WEBP_TAG_OFFSET, WEBP)) {
            return Optional.of(ImageFormat.WEBP);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] magic) {
        return bytes.length >= offset + magic.length
                && Arrays.equals(bytes, offset, offset + magic.length, magic, 0, magic.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
