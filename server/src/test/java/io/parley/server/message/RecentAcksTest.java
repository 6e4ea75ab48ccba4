package io.parley.server.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.protocol.SendAck;
import org.junit.jupiter.api.Test;

class RecentAcksTest {

    private static SendAck ack(String clientMessageId, long seq) {
        return SendAck.newBuilder().setClientMessageId(clientMessageId).setMessageId("m-" + seq)
                .setConversationId("d_1_2").setSeq(seq).setServerTime(1_700_000_000_000L + seq).build();
    }

    @Test
    void aRememberedAckComesBackWhole() {
        RecentAcks acks = new RecentAcks(10);
        acks.remember("k1", ack("c1", 7));

        assertThat(acks.find("k1")).isEqualTo(ack("c1", 7));
        assertThat(acks.find("k2")).isNull();
    }

    @Test
    void beyondItsCapacityTheLeastRecentlyUsedIsForgotten() {
        RecentAcks acks = new RecentAcks(2);
        acks.remember("k1", ack("c1", 1));
        acks.remember("k2", ack("c2", 2));
        acks.find("k1");   // k1 was used after k2

        acks.remember("k3", ack("c3", 3));

        assertThat(acks.find("k2")).isNull();
        assertThat(acks.find("k1")).isEqualTo(ack("c1", 1));
        assertThat(acks.find("k3")).isEqualTo(ack("c3", 3));
    }

    @Test
    void rememberingAKeyAgainReplacesItsAck() {
        RecentAcks acks = new RecentAcks(2);
        acks.remember("k1", ack("c1", 1));
        acks.remember("k1", ack("c1", 5));

        assertThat(acks.find("k1").getSeq()).isEqualTo(5);
    }
}
