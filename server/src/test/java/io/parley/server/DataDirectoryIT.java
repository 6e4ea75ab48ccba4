package io.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.server.support.ApiClient;
import io.parley.server.support.ServerProcess;
import io.parley.server.support.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged server started as a user would, with a data directory relative to where it was started. */
class DataDirectoryIT {

    @TempDir
    Path workingDir;

    @Test
    void aRelativeDataDirectoryIsUnderTheWorkingDirectory() throws Exception {
        try (ServerProcess server = ServerProcess.startIn(workingDir, "chat-data")) {
            ApiClient.Account alice = server.api().signUp(ApiClient.uniqueName("it_alice"));

            assertThat(server.api().upload("/api/v1/users/me/avatar", alice.accessToken(), "file", "me.png", "image/png",
                    TestImages.image("png", 0x336699)).status()).isEqualTo(200);
            Path data = workingDir.resolve("chat-data");
            assertThat(data.resolve("db/parley.mv.db")).as("log:%n%s", server.logText()).isRegularFile();
            assertThat(data.resolve("token-signing.key")).isRegularFile();
            try (var files = Files.walk(data.resolve("files"))) {
                assertThat(files.filter(Files::isRegularFile).count()).as("the avatar's file").isEqualTo(1);
            }
        }
    }
}
