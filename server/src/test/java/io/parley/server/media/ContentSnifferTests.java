package io.parley.server.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentSnifferTests {

    @Test
    void recognisesRealImagesWrittenByImageIo() throws IOException {
        assertThat(ContentSniffer.image(encode("png"))).contains(ImageFormat.PNG);
        assertThat(ContentSniffer.image(encode("jpg"))).contains(ImageFormat.JPEG);
        assertThat(ContentSniffer.image(encode("gif"))).contains(ImageFormat.GIF);
    }

    @Test
    void recognisesWebpAndBothGifVersionsByTheirMagic() {
        byte[] webp = bytes("RIFF\u0024\0\0\0WEBPVP8 ");
        assertThat(ContentSniffer.image(webp)).contains(ImageFormat.WEBP);
        assertThat(ContentSniffer.image(bytes("GIF87a\1\0\1\0"))).contains(ImageFormat.GIF);
        assertThat(ContentSniffer.image(bytes("GIF89a\1\0\1\0"))).contains(ImageFormat.GIF);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",                                         // empty file
            "hello, I am text pretending to be a png",
            "<html><script>alert(1)</script></html>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
            "RIFF\u0024\0\0\0WAVEfmt ",                 // RIFF, but audio
            "GIF90a",                                    // not a GIF version
            "%PDF-1.7"})
    void refusesWhatIsNotAnAcceptedImage(String content) {
        assertThat(ContentSniffer.image(bytes(content))).isEmpty();
    }

    @Test
    void aTruncatedSignatureIsNotAnImage() throws IOException {
        byte[] png = encode("png");
        assertThat(ContentSniffer.image(Arrays.copyOf(png, 7))).isEmpty();
        assertThat(ContentSniffer.image(Arrays.copyOf(bytes("RIFF\u0024\0\0\0WEBP"), 11))).isEmpty();
    }

    @Test
    void theHeadLengthIsEnoughForEveryFormat() throws IOException {
        for (String format : new String[] {"png", "jpg", "gif"}) {
            byte[] head = Arrays.copyOf(encode(format), ContentSniffer.HEAD_LENGTH);
            assertThat(ContentSniffer.image(head)).as(format).isPresent();
        }
        assertThat(ContentSniffer.image(bytes("RIFF\u0024\0\0\0WEBP"))).contains(ImageFormat.WEBP);
    }

    private static byte[] encode(String format) throws IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xff8800);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    private static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }
}
