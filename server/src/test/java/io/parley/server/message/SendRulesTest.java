package io.parley.server.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.parley.protocol.ChatMessage;
import io.parley.protocol.ContentType;
import io.parley.protocol.MessageType;
import org.junit.jupiter.api.Test;

class SendRulesTest {

    private static final String TO = "00000000-0000-4000-8000-00000000000b";

    private static ChatMessage.Builder valid() {
        return ChatMessage.newBuilder().setClientMessageId("c-1").setTo(TO).setContent("hello")
                .setContentType(ContentType.TEXT).setMessageType(MessageType.SINGLE);
    }

    private static String refusal(ChatMessage.Builder message) {
        return SendRules.check(message.build()).map(r -> r.error().name()).orElse("OK");
    }

    @Test
    void aPlainTextMessagePasses() {
        assertThat(refusal(valid())).isEqualTo("OK");
        assertThat(refusal(valid().setContentType(ContentType.IMAGE).setContent("").setUrl("/files/x").setFileSuffix("png")))
                .isEqualTo("OK");
    }

    @Test
    void eachBrokenFieldIsRefused() {
        assertThat(refusal(valid().setClientMessageId(""))).isEqualTo("BAD_MESSAGE");
        assertThat(refusal(valid().setClientMessageId("x".repeat(65)))).isEqualTo("BAD_MESSAGE");
        assertThat(refusal(valid().setTo("bob"))).isEqualTo("BAD_MESSAGE");
        assertThat(refusal(valid().setMessageTypeValue(0))).isEqualTo("BAD_MESSAGE");
        assertThat(refusal(valid().setMessageTypeValue(9))).isEqualTo("BAD_MESSAGE");
        assertThat(refusal(valid().setContentTypeValue(0))).isEqualTo("BAD_MESSAGE");
        assertThat(refusal(valid().setContentTypeValue(8))).isEqualTo("BAD_MESSAGE");
        assertThat(refusal(valid().setContent("  "))).isEqualTo("BAD_MESSAGE");
        assertThat(refusal(valid().setContent("é".repeat(8193)))).isEqualTo("BAD_MESSAGE");  // 16386 bytes
        assertThat(refusal(valid().setUrl("u".repeat(2049)))).isEqualTo("BAD_MESSAGE");
        assertThat(refusal(valid().setFileSuffix("s".repeat(17)))).isEqualTo("BAD_MESSAGE");
    }

    @Test
    void inlineFilesAreRefusedWithTheirOwnCode() {
        assertThat(refusal(valid().setFile(ByteString.copyFromUtf8("bytes")))).isEqualTo("INLINE_FILE_NOT_SUPPORTED");
    }

    @Test
    void mentionsAreForGroupsOnlyAndBounded() {
        ChatMessage.Builder group = valid().setMessageType(MessageType.GROUP);
        assertThat(refusal(group.clone().addMentions(TO))).isEqualTo("OK");
        assertThat(refusal(valid().addMentions(TO))).isEqualTo("BAD_MESSAGE");
        assertThat(refusal(group.clone().addMentions("@bob"))).isEqualTo("BAD_MESSAGE");
        ChatMessage.Builder many = group.clone();
        for (int i = 0; i <= SendRules.MAX_MENTIONS; i++) {
            many.addMentions(TO);
        }
        assertThat(refusal(many)).isEqualTo("BAD_MESSAGE");
    }

    @Test
    void contentAtTheLimitPasses() {
        assertThat(refusal(valid().setContent("x".repeat(SendRules.MAX_CONTENT_BYTES)))).isEqualTo("OK");
    }
}
