package io.parley.server.media;

import static io.parley.server.support.TestImages.image;
import static io.parley.server.support.UploadRefusals.assertMalformedUploadsRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.parley.server.support.ApiClient;
import io.parley.server.support.OnH2;
import io.parley.server.support.OnMariaDb;
import io.parley.server.support.ServerTest;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Files for messages: upload over real HTTP multipart, download by url without a token, on H2 and on MariaDB. */
abstract class MessageFileTests extends ServerTest {

    /** parley.media.max-file-bytes, left at its default. */
    private static final int MAX_FILE_BYTES = 10 * 1024 * 1024;
    private static final String UPLOAD = "/api/v1/files";

    @Test
    void anyFileIsServedBackByteIdenticalAsAnAttachmentWithItsNameAndNoToken() {
        ApiClient.Account alice = api.signUp(ApiClient.uniqueName("alice"));
        byte[] pdf = "%PDF-1.7\n% a report\n".getBytes(StandardCharsets.US_ASCII);

        ApiClient.Response uploaded = api.upload(UPLOAD, alice.accessToken(), "file", "Q3 report.pdf",
                "application/pdf", pdf);

        assertThat(uploaded.status()).isEqualTo(201);
        JsonNode file = uploaded.body();
        assertThat(file.path("id").asString()).matches("[0-9a-f]{32}");
        assertThat(file.path("url").asString()).isEqualTo("/api/v1/files/" + file.path("id").asString());
        assertThat(uploaded.header("Location")).endsWith(file.path("url").asString());
        assertThat(file.path("name").asString()).isEqualTo("Q3 report.pdf");
        assertThat(file.path("size").asLong()).isEqualTo(pdf.length);
        assertThat(file.path("contentType").asString()).isEqualTo("application/octet-stream");

        ApiClient.Response served = api.get(file.path("url").asString(), null);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.raw().body()).isEqualTo(pdf);
        assertThat(served.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(served.header("Content-Disposition")).startsWith("attachment").contains("Q3 report.pdf");
        assertThat(served.raw().headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(served.header("Content-Security-Policy")).contains("sandbox");
        assertThat(served.header("Cache-Control")).contains("immutable");

        ApiClient.Response again = api.send(api.request(file.path("url").asString(), null)
                .header("If-None-Match", served.header("ETag")).GET());
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.raw().body()).isEmpty();
        assertThat(api.send(api.request(file.path("url").asString(), null).header("If-None-Match", "*").GET()).status())
                .isEqualTo(304);
        assertThat(api.send(api.request(file.path("url").asString(), null).header("If-None-Match", "\"other\"").GET())
                .raw().body()).isEqualTo(pdf);

        ApiClient.Response head = api.send(api.request(file.path("url").asString(), null)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.status()).as("HEAD needs no token either").isEqualTo(200);
        assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(pdf.length));
    }

    @Test
    void anImageIsServedInlineWithTheTypeItsBytesShowWhateverItClaims() throws IOException {
        ApiClient.Account bob = api.signUp(ApiClient.uniqueName("bob"));
        byte[] png = image("png", 0x3366ff);

        ApiClient.Response uploaded = api.upload(UPLOAD, bob.accessToken(), "file", "holiday.jpg", "image/jpeg", png);

        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(uploaded.body().path("contentType").asString()).isEqualTo("image/png");
        ApiClient.Response served = api.get(uploaded.body().path("url").asString(), null);
        assertThat(served.raw().body()).isEqualTo(png);
        assertThat(served.header("Content-Type")).isEqualTo("image/png");
        assertThat(served.header("Content-Disposition")).startsWith("inline");
    }

    @Test
    void htmlIsNeverServedAsSomethingABrowserWouldRun() {
        ApiClient.Account carol = api.signUp(ApiClient.uniqueName("carol"));
        byte[] html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);

        ApiClient.Response uploaded = api.upload(UPLOAD, carol.accessToken(), "file", "page.html", "text/html", html);

        ApiClient.Response served = api.get(uploaded.body().path("url").asString(), null);
        assertThat(served.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(served.header("Content-Disposition")).startsWith("attachment");
        assertThat(served.raw().headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
    }

    @Test
    void theSameBytesUploadedTwiceAreTwoFilesWithTheirOwnNames() {
        ApiClient.Account dan = api.signUp(ApiClient.uniqueName("dan"));
        byte[] notes = "same bytes".getBytes(StandardCharsets.UTF_8);

        JsonNode first = api.upload(UPLOAD, dan.accessToken(), "file", "a.txt", "text/plain", notes).body();
        JsonNode second = api.upload(UPLOAD, dan.accessToken(), "file", "b.txt", "text/plain", notes).body();

        assertThat(first.path("id").asString()).isNotEqualTo(second.path("id").asString());
        assertThat(api.get(first.path("url").asString(), null).header("Content-Disposition")).contains("a.txt");
        assertThat(api.get(second.path("url").asString(), null).header("Content-Disposition")).contains("b.txt");
    }

    @Test
    void aDirectoryInTheFileNameIsDropped() {
        ApiClient.Account erin = api.signUp(ApiClient.uniqueName("erin"));

        ApiClient.Response uploaded = api.upload(UPLOAD, erin.accessToken(), "file", "..\\..\\etc/passwd",
                "text/plain", "x".getBytes(StandardCharsets.UTF_8));

        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(uploaded.body().path("name").asString()).isEqualTo("passwd");
    }

    @Test
    void aFileOverTheLimitIsTooLargeAndOneAtTheLimitFits() {
        ApiClient.Account frank = api.signUp(ApiClient.uniqueName("frank"));

        ApiClient.Response tooLarge = api.upload(UPLOAD, frank.accessToken(), "file", "big.bin",
                "application/octet-stream", new byte[MAX_FILE_BYTES + 1]);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.code()).isEqualTo("PAYLOAD_TOO_LARGE");

        ApiClient.Response fits = api.upload(UPLOAD, frank.accessToken(), "file", "max.bin",
                "application/octet-stream", new byte[MAX_FILE_BYTES]);
        assertThat(fits.status()).isEqualTo(201);
        assertThat(fits.body().path("size").asLong()).isEqualTo(MAX_FILE_BYTES);
    }

    @Test
    void malformedEmptyAndNonMultipartUploadsAreRefused() {
        ApiClient.Account gina = api.signUp(ApiClient.uniqueName("gina"));
        byte[] some = "some".getBytes(StandardCharsets.UTF_8);

        ApiClient.Response empty = api.upload(UPLOAD, gina.accessToken(), "file", "empty.txt", "text/plain", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.code()).isEqualTo("MALFORMED_REQUEST");

        assertMalformedUploadsRefused(api, UPLOAD, gina.accessToken(), some);
    }

    @Test
    void uploadingNeedsAToken() {
        byte[] some = "some".getBytes(StandardCharsets.UTF_8);

        assertThat(api.upload(UPLOAD, null, "file", "a.txt", "text/plain", some).status()).isEqualTo(401);
        assertThat(api.upload(UPLOAD, "not-a-token", "file", "a.txt", "text/plain", some).status()).isEqualTo(401);
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        for (String id : new String[] {"0123456789abcdef0123456789abcdef", "nope", "..%2F..%2Fetc%2Fpasswd",
                "0123456789ABCDEF0123456789ABCDEF", "a".repeat(300)}) {
            ApiClient.Response response = api.get(UPLOAD + "/" + id, null);
            assertThat(response.status()).as(id).isIn(400, 404);
        }
        ApiClient.Response unknown = api.get(UPLOAD + "/0123456789abcdef0123456789abcdef", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("NOT_FOUND");
    }

    @OnH2
    static class OnH2Test extends MessageFileTests {
    }

    @OnMariaDb
    static class OnMariaDbTest extends MessageFileTests {
    }
}
