package io.parley.server.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.protocol.ChatMessage;
import io.parley.server.auth.AuthenticatedUser;
import org.junit.jupiter.api.Test;

class SendKeyTest {

    @Test
    void theSameSendGivesTheSameKey() {
        assertThat(SendKey.of(1, "d_1_2", "c1")).isEqualTo(SendKey.of(1, "d_1_2", "c1"));
    }

    @Test
    void anotherSenderConversationOrClientIdGivesAnotherKey() {
        SendKey key = SendKey.of(1, "d_1_2", "c1");

        assertThat(SendKey.of(2, "d_1_2", "c1")).isNotEqualTo(key);
        assertThat(SendKey.of(1, "d_1_3", "c1")).isNotEqualTo(key);
        assertThat(SendKey.of(1, "d_1_2", "c2")).isNotEqualTo(key);
        assertThat(SendKey.of(1, "d_1_2c", "1")).as("the boundary between conversation and client id counts")
                .isNotEqualTo(key);
    }

    @Test
    void itsTwoHashesAreNotOneAnother() {
        SendKey key = SendKey.of(1, "d_1_2", "c1");

        assertThat(key.high()).isNotEqualTo(key.low());
        assertThat(SendKey.of(1, "d_1_2", "c2").high()).isNotEqualTo(key.high());
        assertThat(SendKey.of(1, "d_1_2", "c2").low()).isNotEqualTo(key.low());
    }

    @Test
    void aPendingSendCarriesTheKeyOfItsSenderConversationAndClientId() {
        PendingSend send = new PendingSend(null, 1, new AuthenticatedUser(7, "u7", "user7"),
                ChatMessage.newBuilder().setClientMessageId("c9").build(), "d_7_8", 0);

        assertThat(send.key()).isEqualTo(SendKey.of(7, "d_7_8", "c9"));
    }
}
