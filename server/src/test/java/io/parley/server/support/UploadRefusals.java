package io.parley.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

/** The refusals every multipart upload endpoint gives, whatever it stores. */
public final class UploadRefusals {

    private UploadRefusals() {
    }

    /**
     * The file in a part not named {@code file}, a JSON body, and a body that is not the multipart it claims
     * are refused: 400 MALFORMED_REQUEST, 415 UNSUPPORTED_MEDIA_TYPE, 400 MALFORMED_REQUEST.
     */
    public static void assertMalformedUploadsRefused(ApiClient api, String path, String token, byte[] content) {
        ApiClient.Response wrongPart = api.upload(path, token, "attachment", "a.bin", "application/octet-stream", content);
        assertThat(wrongPart.status()).isEqualTo(400);
        assertThat(wrongPart.code()).isEqualTo("MALFORMED_REQUEST");

        ApiClient.Response json = api.post(path, token, "{\"file\":\"aGVsbG8=\"}");
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");

        ApiClient.Response garbled = api.send(api.request(path, token)
                .header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofString("this is not multipart at all")));
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(garbled.code()).isEqualTo("MALFORMED_REQUEST");
    }
}
