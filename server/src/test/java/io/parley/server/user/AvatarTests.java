package io.parley.server.user;

import static io.parley.server.support.TestImages.image;
import static io.parley.server.support.UploadRefusals.assertMalformedUploadsRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.parley.server.support.ApiClient;
import io.parley.server.support.OnH2;
import io.parley.server.support.OnMariaDb;
import io.parley.server.support.ServerTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Avatar upload and download over real HTTP multipart, on H2 and on MariaDB. */
abstract class AvatarTests extends ServerTest {

    /** parley.media.max-avatar-bytes, left at its default. */
    private static final int MAX_AVATAR_BYTES = 2 * 1024 * 1024;
    private static final String UPLOAD = "/api/v1/users/me/avatar";

    @Test
    void aRealPngIsServedBackByteIdenticalWithSafeHeadersAndNoToken() throws IOException {
        ApiClient.Account alice = api.signUp(ApiClient.uniqueName("alice"));
        byte[] png = image("png", 0x3366ff);

        ApiClient.Response uploaded = api.upload(UPLOAD, alice.accessToken(), "file", "me.png", "image/png", png);

        assertThat(uploaded.status()).isEqualTo(200);
        String url = "/api/v1/users/" + alice.id() + "/avatar";
        assertThat(uploaded.body().path("avatarUrl").asString()).isEqualTo(url);
        assertThat(api.get("/api/v1/users/me", alice.accessToken()).body().path("avatarUrl").asString()).isEqualTo(url);

        ApiClient.Response served = api.get(url, null);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.raw().body()).isEqualTo(png);
        assertThat(served.header("Content-Type")).isEqualTo("image/png");
        assertThat(served.raw().headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(served.header("Content-Disposition")).startsWith("inline");
        assertThat(served.header("Cache-Control")).contains("no-cache").doesNotContain("no-store");
        assertThat(served.header("ETag")).isNotBlank();
    }

    @Test
    void anUnchangedAvatarIsNotSentAgain() throws IOException {
        ApiClient.Account bob = api.signUp(ApiClient.uniqueName("bob"));
        api.upload(UPLOAD, bob.accessToken(), "file", "bob.png", "image/png", image("png", 0x00ff00));
        String url = "/api/v1/users/" + bob.id() + "/avatar";
        String etag = api.get(url, null).header("ETag");

        ApiClient.Response again = api.send(api.request(url, null).header("If-None-Match", etag).GET());

        assertThat(again.status()).isEqualTo(304);
        assertThat(again.raw().body()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(etag);
        assertThat(again.header("Cache-Control")).contains("no-cache").doesNotContain("no-store");
        assertThat(api.send(api.request(url, null).header("If-None-Match", "\"something-else\"").GET()).status())
                .isEqualTo(200);
    }

    @Test
    void aNewAvatarReplacesTheOldWithItsOwnType() throws IOException {
        ApiClient.Account carol = api.signUp(ApiClient.uniqueName("carol"));
        byte[] png = image("png", 0xff0000);
        byte[] gif = image("gif", 0x0000ff);
        api.upload(UPLOAD, carol.accessToken(), "file", "a.png", "image/png", png);
        String url = "/api/v1/users/" + carol.id() + "/avatar";
        String firstEtag = api.get(url, null).header("ETag");

        // The declared name and type lie; the bytes decide.
        assertThat(api.upload(UPLOAD, carol.accessToken(), "file", "b.png", "image/png", gif).status()).isEqualTo(200);

        ApiClient.Response served = api.get(url, null);
        assertThat(served.raw().body()).isEqualTo(gif);
        assertThat(served.header("Content-Type")).isEqualTo("image/gif");
        assertThat(served.header("ETag")).isNotEqualTo(firstEtag);
    }

    @Test
    void twoUsersWithTheSameImageEachKeepTheirOwnAvatar() throws IOException {
        ApiClient.Account dave = api.signUp(ApiClient.uniqueName("dave"));
        ApiClient.Account erin = api.signUp(ApiClient.uniqueName("erin"));
        byte[] shared = image("jpg", 0x123456);
        api.upload(UPLOAD, dave.accessToken(), "file", "x.jpg", "image/jpeg", shared);
        api.upload(UPLOAD, erin.accessToken(), "file", "y.jpg", "image/jpeg", shared);
        api.upload(UPLOAD, erin.accessToken(), "file", "z.png", "image/png", image("png", 0x654321));

        ApiClient.Response daves = api.get("/api/v1/users/" + dave.id() + "/avatar", null);
        assertThat(daves.raw().body()).isEqualTo(shared);
        assertThat(daves.header("Content-Type")).isEqualTo("image/jpeg");
    }

    @Test
    void textNamedPngHtmlAndEmptyFilesAreUnsupportedAndChangeNothing() throws IOException {
        ApiClient.Account frank = api.signUp(ApiClient.uniqueName("frank"));
        byte[] png = image("png", 0xabcdef);
        api.upload(UPLOAD, frank.accessToken(), "file", "ok.png", "image/png", png);

        assertUnsupported(api.upload(UPLOAD, frank.accessToken(), "file", "cat.png", "image/png",
                "just some text, honest".getBytes(StandardCharsets.UTF_8)));
        assertUnsupported(api.upload(UPLOAD, frank.accessToken(), "file", "page.html", "text/html",
                "<html><body><script>alert(document.cookie)</script></body></html>".getBytes(StandardCharsets.UTF_8)));
        assertUnsupported(api.upload(UPLOAD, frank.accessToken(), "file", "pic.png", "image/png",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8)));
        assertUnsupported(api.upload(UPLOAD, frank.accessToken(), "file", "empty.png", "image/png", new byte[0]));

        assertThat(api.get("/api/v1/users/" + frank.id() + "/avatar", null).raw().body()).isEqualTo(png);
    }

    @Test
    void anAvatarOverTheLimitIsTooLargeEvenWhenItLooksLikeAnImage() throws IOException {
        ApiClient.Account gina = api.signUp(ApiClient.uniqueName("gina"));
        byte[] png = image("png", 0x777777);
        byte[] big = Arrays.copyOf(png, MAX_AVATAR_BYTES + 1);

        ApiClient.Response response = api.upload(UPLOAD, gina.accessToken(), "file", "big.png", "image/png", big);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.code()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(api.get("/api/v1/users/me", gina.accessToken()).body().path("avatarUrl").isNull()).isTrue();
        byte[] justFits = Arrays.copyOf(png, MAX_AVATAR_BYTES);
        assertThat(api.upload(UPLOAD, gina.accessToken(), "file", "max.png", "image/png", justFits).status())
                .isEqualTo(200);
    }

    @Test
    void aMissingPartOrANonMultipartRequestIsRefused() throws IOException {
        ApiClient.Account henry = api.signUp(ApiClient.uniqueName("henry"));
        byte[] png = image("png", 0x101010);

        assertMalformedUploadsRefused(api, UPLOAD, henry.accessToken(), png);

        assertThat(api.get("/api/v1/users/me", henry.accessToken()).body().path("avatarUrl").isNull()).isTrue();
    }

    @Test
    void noAvatarUnknownUsersAndOtherUsersPathsAreRefused() throws IOException {
        ApiClient.Account iris = api.signUp(ApiClient.uniqueName("iris"));
        ApiClient.Account jack = api.signUp(ApiClient.uniqueName("jack"));

        ApiClient.Response none = api.get("/api/v1/users/" + iris.id() + "/avatar", null);
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.code()).isEqualTo("NOT_FOUND");

        ApiClient.Response unknown = api.get("/api/v1/users/00000000-0000-0000-0000-000000000000/avatar", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("USER_NOT_FOUND");
        assertThat(api.get("/api/v1/users/..%2F..%2Fetc%2Fpasswd/avatar", null).status()).isIn(400, 404);

        ApiClient.Response othersPath = api.upload("/api/v1/users/" + jack.id() + "/avatar", iris.accessToken(), "file",
                "a.png", "image/png", image("png", 0x202020));
        assertThat(othersPath.status()).isEqualTo(405);
        assertThat(api.get("/api/v1/users/" + jack.id() + "/avatar", null).status()).isEqualTo(404);
    }

    private static void assertUnsupported(ApiClient.Response response) {
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @OnH2
    static class OnH2Test extends AvatarTests {
    }

    @OnMariaDb
    static class OnMariaDbTest extends AvatarTests {
    }
}
