package io.parley.bench.traffic;

import io.parley.protocol.ChatMessage;
import io.parley.protocol.ContentType;
import java.util.SplittableRandom;

/**
 * What a chatter's messages hold: text, or, for a share of them, a media message as a client sends one after
 * uploading the file: content type IMAGE, FILE, AUDIO or VIDEO, the file's url and suffix, a short caption.
 * Parley has no upload endpoint for message files yet, so the url is that of a file the server does serve (an
 * uploaded avatar); the server stores and delivers the url, it never fetches it.
 */
public final class MessageBodies {

    private static final ContentType[] MEDIA = {ContentType.IMAGE, ContentType.FILE, ContentType.AUDIO,
            ContentType.VIDEO};
    private static final String[] SUFFIXES = {"png", "pdf", "m4a", "mp4"};

    private final String text;
    private final double mediaShare;
    private final String mediaUrl;

    private MessageBodies(String text, double mediaShare, String mediaUrl) {
        this.text = text;
        this.mediaShare = mediaShare;
        this.mediaUrl = mediaUrl;
    }

    public static MessageBodies text(String text) {
        return new MessageBodies(text, 0, null);
    }

    /** These bodies, with {@code share} (0-1) of the messages media messages pointing at {@code url}. */
    public MessageBodies withMedia(double share, String url) {
        return new MessageBodies(text, share, url);
    }

    void fill(ChatMessage.Builder message, SplittableRandom random) {
        if (mediaShare > 0 && random.nextDouble() < mediaShare) {
            int kind = random.nextInt(MEDIA.length);
            message.setContentType(MEDIA[kind]).setUrl(mediaUrl).setFileSuffix(SUFFIXES[kind]).setContent("look");
        } else {
            message.setContentType(ContentType.TEXT).setContent(text);
        }
    }
}
