package io.parley.server.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.protocol.ChatMessage;
import io.parley.protocol.SendAck;
import io.parley.server.auth.AuthenticatedUser;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RecentAcksTest {

    private static PendingSend send(long sender, String conversation, String clientMessageId) {
        return new PendingSend(null, 1, new AuthenticatedUser(sender, "u" + sender, "user" + sender),
                ChatMessage.newBuilder().setClientMessageId(clientMessageId).setContent("hi").build(), conversation, 0);
    }

    private static SendAck ack(PendingSend send, long seq) {
        return SendAck.newBuilder().setClientMessageId(send.body().getClientMessageId())
                .setMessageId(MessageIds.next(1_700_000_000_000L + seq)).setConversationId(send.conversationPublicId())
                .setSeq(seq).setServerTime(1_700_000_000_000L + seq).build();
    }

    @Test
    void aRetryGetsTheAckWhole() {
        RecentAcks acks = new RecentAcks(10);
        PendingSend sent = send(1, "d_1_2", "c1");
        SendAck ack = ack(sent, 7);
        acks.remember(sent, ack);

        assertThat(acks.find(send(1, "d_1_2", "c1"))).isEqualTo(ack);
    }

    @Test
    void anotherClientIdSenderOrConversationIsAnotherSend() {
        RecentAcks acks = new RecentAcks(10);
        PendingSend sent = send(1, "d_1_2", "c1");
        acks.remember(sent, ack(sent, 7));

        assertThat(acks.find(send(1, "d_1_2", "c2"))).isNull();
        assertThat(acks.find(send(2, "d_1_2", "c1"))).as("the other party reusing the client id").isNull();
        assertThat(acks.find(send(1, "d_1_3", "c1"))).isNull();
        assertThat(acks.find(send(1, "d_1_2c", "1"))).as("the boundary between conversation and client id counts")
                .isNull();
    }

    @Test
    void beyondItsCapacityTheOldestIsForgotten() {
        RecentAcks acks = new RecentAcks(2);
        PendingSend first = send(1, "d_1_2", "c1");
        PendingSend second = send(1, "d_1_2", "c2");
        PendingSend third = send(1, "d_1_2", "c3");
        SendAck secondAck = ack(second, 2);
        SendAck thirdAck = ack(third, 3);
        acks.remember(first, ack(first, 1));
        acks.remember(second, secondAck);
        acks.remember(third, thirdAck);

        assertThat(acks.find(first)).isNull();
        assertThat(acks.find(second)).isEqualTo(secondAck);
        assertThat(acks.find(third)).isEqualTo(thirdAck);
    }

    @Test
    void rememberingASendAgainReplacesItsAckWithoutTakingASlot() {
        RecentAcks acks = new RecentAcks(2);
        PendingSend first = send(1, "d_1_2", "c1");
        PendingSend second = send(1, "d_1_2", "c2");
        acks.remember(first, ack(first, 1));
        acks.remember(second, ack(second, 2));
        acks.remember(first, ack(first, 5));

        assertThat(acks.find(first).getSeq()).isEqualTo(5);
        assertThat(acks.find(second).getSeq()).isEqualTo(2);
    }

    @Test
    void anAckWithAnIdOfAnotherFormIsNotRemembered() {
        RecentAcks acks = new RecentAcks(10);
        PendingSend sent = send(1, "d_1_2", "c1");
        acks.remember(sent, ack(sent, 1).toBuilder().setMessageId("m-1").build());

        assertThat(acks.find(sent)).isNull();
    }

    @Test
    void aCapacityOutOfRangeIsRefused() {
        assertThatThrownBy(() -> new RecentAcks(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecentAcks(RecentAcks.MAX_CAPACITY + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The index is open addressing with deletion by backward shift, the part most likely to go wrong: long
     * random runs of remembering and evicting, from a small key space so that keys come back after being
     * forgotten, must agree with a plain first-in-first-out map at every step. An index that loses entries
     * fills up and its probing never ends, hence the timeout.
     */
    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void agreesWithAPlainFifoMapThroughManyEvictions() {
        for (int capacity : new int[] {1, 2, 3, 7, 64, 100}) {
            RecentAcks acks = new RecentAcks(capacity);
            Map<String, SendAck> expected = new HashMap<>();
            Deque<String> order = new ArrayDeque<>();
            Random random = new Random(capacity);
            for (int step = 0; step < 20_000; step++) {
                long sender = 1 + random.nextInt(3);
                String clientId = "c" + random.nextInt(capacity * 3);
                PendingSend sent = send(sender, "d_1_2", clientId);
                String key = sender + "/" + clientId;
                if (random.nextBoolean()) {
                    SendAck ack = ack(sent, step);
                    acks.remember(sent, ack);
                    if (expected.put(key, ack) == null) {
                        order.addLast(key);
                        if (order.size() > capacity) {
                            expected.remove(order.removeFirst());
                        }
                    }
                }
                assertThat(acks.find(sent)).as("capacity %d, step %d, %s", capacity, step, key).isEqualTo(expected.get(key));
            }
            for (String key : order) {
                String[] parts = key.split("/");
                PendingSend sent = send(Long.parseLong(parts[0]), "d_1_2", parts[1]);
                assertThat(acks.find(sent)).as("capacity %d, at the end, %s", capacity, key).isEqualTo(expected.get(key));
            }
        }
    }
}
