package io.parley.server.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageFilesTest {

    @Test
    void aFileNameKeepsOnlyItsLastPartWithoutControlCharacters() {
        assertThat(MessageFiles.displayName("C:\\Users\\me\\report.pdf")).isEqualTo("report.pdf");
        assertThat(MessageFiles.displayName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(MessageFiles.displayName("evil\r\nSet-Cookie: x.txt")).isEqualTo("evilSet-Cookie: x.txt");
        assertThat(MessageFiles.displayName("  Ünïcödé 文件.txt ")).isEqualTo("Ünïcödé 文件.txt");
    }

    @Test
    void aFileNameThatIsNothingBecomesFile() {
        assertThat(MessageFiles.displayName(null)).isEqualTo("file");
        assertThat(MessageFiles.displayName("")).isEqualTo("file");
        assertThat(MessageFiles.displayName("dir/")).isEqualTo("file");
        assertThat(MessageFiles.displayName("..")).isEqualTo("file");
        assertThat(MessageFiles.displayName("\u0000\u0007")).isEqualTo("file");
    }

    @Test
    void aLongFileNameIsCutAt255Characters() {
        assertThat(MessageFiles.displayName("x".repeat(1000))).hasSize(255);
        assertThat(MessageFiles.displayName("😀".repeat(300)).codePointCount(0, 510)).isEqualTo(255);
    }
}
