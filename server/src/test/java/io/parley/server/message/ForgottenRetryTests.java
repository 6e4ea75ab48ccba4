package io.parley.server.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.protocol.ChatMessage;
import io.parley.protocol.Frame;
import io.parley.protocol.SendAck;
import io.parley.server.support.ApiClient;
import io.parley.server.support.OnH2;
import io.parley.server.support.OnMariaDb;
import io.parley.server.support.WsClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A retry the writer no longer remembers (its recent acks hold a single send here, as after a restart or a
 * long time) is caught by the database's unique key on (conversation, sender, client message id): the
 * sender gets the original ack, and the message is stored once.
 */
@TestPropertySource(properties = "parley.messages.dedupe-cache-size=1")
abstract class ForgottenRetryTests extends MessagingTest {

    private ApiClient.Account bob;
    private WsClient alicePhone;

    @BeforeEach
    void aliceAndBobAreFriends() {
        ApiClient.Account alice = signUp("alice");
        bob = signUp("bob");
        befriend(alice, bob);
        alicePhone = device(alice);
    }

    @Test
    void aRetryOfAForgottenSendGetsTheOriginalAckAndIsStoredOnce() {

        SendAck original = send(alicePhone, 1, bob, "r-1", "first");
        send(alicePhone, 2, bob, "r-2", "second");
        send(alicePhone, 3, bob, "r-3", "third");
        SendAck retried = send(alicePhone, 4, bob, "r-1", "first");

        assertThat(retried.getMessageId()).isEqualTo(original.getMessageId());
        assertThat(retried.getSeq()).isEqualTo(original.getSeq()).isEqualTo(1);
        assertThat(retried.getServerTime()).isEqualTo(original.getServerTime());
        List<ChatMessage> stored = syncAll(device(bob), Map.of(), 50);
        assertThat(stored).extracting(ChatMessage::getClientMessageId).containsExactly("r-1", "r-2", "r-3");
        assertThat(stored).extracting(ChatMessage::getSeq).containsExactly(1L, 2L, 3L);
    }

    /**
     * Forgotten retries sent together with new messages, all without waiting for an ack (so a batch may hold
     * several of each): every retry gets its original ack, every new message a seq after the stored ones.
     */
    @Test
    void forgottenRetriesAmongNewSendsGetTheirOriginalAcksAndTheNewOnesAreStoredOnceEach() {
        Map<String, SendAck> originals = new HashMap<>();
        for (int i = 1; i <= 3; i++) {
            originals.put("old-" + i, send(alicePhone, i, bob, "old-" + i, "old " + i));
        }
        send(alicePhone, 4, bob, "pushes-the-rest-out", "filler");

        List<String> ids = List.of("new-1", "old-1", "new-2", "old-2", "old-3", "new-3");
        for (int i = 0; i < ids.size(); i++) {
            alicePhone.send(text(10 + i, bob, ids.get(i), ids.get(i)));
        }
        Map<Long, SendAck> acks = new HashMap<>();
        while (acks.size() < ids.size()) {
            Frame answer = nextBesidesPresence(alicePhone);
            assertThat(answer.getKindCase()).as(answer.toString()).isEqualTo(Frame.KindCase.ACK);
            acks.put(answer.getRef(), answer.getAck());
        }

        for (int i = 0; i < ids.size(); i++) {
            SendAck ack = acks.get(10L + i);
            SendAck original = originals.get(ids.get(i));
            if (original != null) {
                assertThat(ack.getMessageId()).isEqualTo(original.getMessageId());
                assertThat(ack.getSeq()).isEqualTo(original.getSeq());
            } else {
                assertThat(ack.getSeq()).isGreaterThan(4);
            }
        }
        List<ChatMessage> stored = syncAll(device(bob), Map.of(), 50);
        assertThat(stored).extracting(ChatMessage::getClientMessageId).containsExactly("old-1", "old-2", "old-3",
                "pushes-the-rest-out", "new-1", "new-2", "new-3");
        assertThat(stored).extracting(ChatMessage::getSeq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    /**
     * Client message ids are compared byte for byte: ids that differ only in case, in a trailing space or in
     * an accent are different messages, even where the database's default collation would call them equal.
     */
    @Test
    void clientMessageIdsThatDifferOnlyInCaseSpacesOrAccentsAreDifferentMessages() {
        List<String> ids = List.of("id-a", "ID-A", "id-a ", "id-á");
        List<SendAck> acks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            acks.add(send(alicePhone, i + 1, bob, ids.get(i), "message " + i));
        }

        assertThat(acks).extracting(SendAck::getSeq).containsExactly(1L, 2L, 3L, 4L);
        List<ChatMessage> stored = syncAll(device(bob), Map.of(), 50);
        assertThat(stored).extracting(ChatMessage::getClientMessageId).containsExactlyElementsOf(ids);
        assertThat(stored).extracting(ChatMessage::getContent)
                .containsExactly("message 0", "message 1", "message 2", "message 3");
        SendAck retried = send(alicePhone, 9, bob, "ID-A", "message 1");
        assertThat(retried.getMessageId()).isEqualTo(acks.get(1).getMessageId());
    }

    @OnH2
    static class OnH2Test extends ForgottenRetryTests {
    }

    @OnMariaDb
    static class OnMariaDbTest extends ForgottenRetryTests {
    }
}
