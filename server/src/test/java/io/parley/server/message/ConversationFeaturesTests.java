package io.parley.server.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.protocol.ChatMessage;
import io.parley.protocol.ContentType;
import io.parley.protocol.Frame;
import io.parley.protocol.ReadReceipt;
import io.parley.protocol.Recall;
import io.parley.protocol.SendAck;
import io.parley.protocol.Typing;
import io.parley.server.support.ApiClient;
import io.parley.server.support.MutableClock;
import io.parley.server.support.OnH2;
import io.parley.server.support.OnMariaDb;
import io.parley.server.support.WsClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

/** Around the messages of a 1:1 conversation: recall, replies, typing, read counts, mute and search. */
@Import(ConversationFeaturesTests.StoppedClock.class)
abstract class ConversationFeaturesTests extends MessagingTest {

    /** The server's clock, moved by the tests instead of waiting out the recall window. */
    @TestConfiguration
    static class StoppedClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.now());
        }
    }

    @Autowired
    private MutableClock clock;

    private ApiClient.Account alice;
    private ApiClient.Account bob;
    private WsClient alicePhone;
    private WsClient bobPhone;

    @BeforeEach
    void friends() {
        alice = signUp("alice");
        bob = signUp("bob");
        befriend(alice, bob);
        alicePhone = device(alice);
        bobPhone = device(bob);
    }

    private static Frame recall(long ref, String conversationId, long seq) {
        return Frame.newBuilder().setRef(ref).setRecall(Recall.newBuilder().setConversationId(conversationId).setSeq(seq)).build();
    }

    @Test
    void theSenderRecallsWithinTheWindowAndEveryoneSeesItRecalled() {
        SendAck sent = send(alicePhone, 1, bob, "r-1", "oops, wrong chat");
        bobPhone.await(Frame.KindCase.DELIVER);

        alicePhone.send(recall(2, sent.getConversationId(), sent.getSeq()));
        SendAck notice = alicePhone.await(Frame.KindCase.ACK).getAck();
        assertThat(notice.getSeq()).isEqualTo(sent.getSeq() + 1);

        ChatMessage atBob = bobPhone.await(Frame.KindCase.DELIVER).getDeliver().getMessage();
        assertThat(atBob.getContentType()).isEqualTo(ContentType.RECALLED);
        assertThat(atBob.getReplyToSeq()).isEqualTo(sent.getSeq());
        assertThat(atBob.getFrom()).isEqualTo(alice.id());

        JsonNode history = api.get("/api/v1/conversations/" + sent.getConversationId() + "/messages", bob.accessToken()).body();
        JsonNode original = history.path("items").get(1);
        assertThat(original.path("seq").asLong()).isEqualTo(sent.getSeq());
        assertThat(original.path("recalled").asBoolean()).isTrue();
        assertThat(original.path("content").asString()).isEmpty();
        List<ChatMessage> synced = syncAll(device(bob), Map.of(), 50);
        assertThat(synced.get(0).getRecalled()).isTrue();
        assertThat(synced.get(0).getContent()).isEmpty();
        assertThat(synced.get(1).getContentType()).isEqualTo(ContentType.RECALLED);

        alicePhone.send(recall(3, sent.getConversationId(), sent.getSeq()));
        assertThat(alicePhone.await(Frame.KindCase.ACK).getAck()).as("recalling twice is a retry").isEqualTo(notice);
    }

    @Test
    void recallIsRefusedAfterTheWindowForOthersAndForNoMessage() {
        SendAck sent = send(alicePhone, 1, bob, "r-2", "a keeper");
        String conversation = sent.getConversationId();

        bobPhone.send(recall(2, conversation, sent.getSeq()));
        assertThat(bobPhone.error(2).getCode()).isEqualTo("RECALL_NOT_ALLOWED");
        alicePhone.send(recall(3, conversation, 99));
        assertThat(alicePhone.error(3).getCode()).isEqualTo("MESSAGE_NOT_FOUND");
        alicePhone.send(recall(4, "d:not-a-conversation", 1));
        assertThat(alicePhone.error(4).getCode()).isEqualTo("MESSAGE_NOT_FOUND");

        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        alicePhone.send(recall(5, conversation, sent.getSeq()));
        assertThat(alicePhone.error(5).getCode()).isEqualTo("RECALL_WINDOW_PASSED");

        JsonNode history = api.get("/api/v1/conversations/" + conversation + "/messages", bob.accessToken()).body();
        assertThat(history.path("items")).hasSize(1);
        assertThat(history.path("items").get(0).path("content").asString()).isEqualTo("a keeper");
    }

    @Test
    void aReplyQuotesAnEarlierMessageOfTheSameConversation() {
        SendAck first = send(alicePhone, 1, bob, "q-1", "lunch?");
        Frame reply = text(2, alice, "q-2", "yes!", m -> m.setReplyToSeq(first.getSeq()));
        bobPhone.send(reply);
        assertThat(bobPhone.await(Frame.KindCase.ACK).getAck().getSeq()).isEqualTo(2);
        ChatMessage atAlice = alicePhone.await(Frame.KindCase.DELIVER).getDeliver().getMessage();
        assertThat(atAlice.getReplyToSeq()).isEqualTo(first.getSeq());

        Frame dangling = text(3, alice, "q-3", "?", m -> m.setReplyToSeq(77));
        bobPhone.send(dangling);
        assertThat(bobPhone.error(3).getCode()).isEqualTo("MESSAGE_NOT_FOUND");

        JsonNode history = api.get("/api/v1/conversations/" + first.getConversationId() + "/messages?after=0", alice.accessToken()).body();
        assertThat(history.path("items").get(1).path("replyToSeq").asLong()).isEqualTo(first.getSeq());
    }

    @Test
    void typingReachesThePeerOnlyAndIsRateLimited() {
        String conversation = ConversationIds.direct(alice.id(), bob.id());
        WsClient aliceLaptop = device(alice);
        ApiClient.Account eve = signUp("eve");
        WsClient evePhone = device(eve);

        alicePhone.send(Frame.newBuilder().setRef(1).setTyping(Typing.newBuilder().setConversationId(conversation)).build());
        Typing atBob = bobPhone.await(Frame.KindCase.TYPING).getTyping();
        assertThat(atBob.getConversationId()).isEqualTo(conversation);
        assertThat(atBob.getUserId()).isEqualTo(alice.id());

        // within the interval: dropped; then a marker message proves nothing else arrived before it
        alicePhone.send(Frame.newBuilder().setRef(2).setTyping(Typing.newBuilder().setConversationId(conversation)).build());
        send(alicePhone, 3, bob, "t-1", "marker");
        assertThat(nextBesidesPresence(bobPhone).getKindCase()).isEqualTo(Frame.KindCase.DELIVER);
        assertThat(nextBesidesPresence(aliceLaptop).getKindCase()).as("the typist's own devices see no typing").isEqualTo(Frame.KindCase.DELIVER);

        evePhone.send(Frame.newBuilder().setRef(4).setTyping(Typing.newBuilder().setConversationId(conversation)).build());
        assertThat(evePhone.error(4).getCode()).isEqualTo("CONVERSATION_NOT_FOUND");
        assertNothingElseQueued(bobPhone, 5);   // eve's attempt reached nobody
    }

    @Test
    void readCountMuteAndSearch() {
        SendAck sent = send(alicePhone, 1, bob, "c-1", "the quarterly report is ready");
        send(alicePhone, 2, bob, "c-2", "also lunch at noon");
        String base = "/api/v1/conversations/" + sent.getConversationId();

        JsonNode unread = api.get(base + "/messages/1/reads", alice.accessToken()).body();
        assertThat(unread.path("readCount").asLong()).isZero();
        assertThat(unread.path("memberCount").asLong()).isEqualTo(1);
        api.post(base + "/read", bob.accessToken(), Map.of("readSeq", 1));
        assertThat(api.get(base + "/messages/1/reads", alice.accessToken()).body().path("readCount").asLong()).isEqualTo(1);
        assertThat(api.get(base + "/messages/2/reads", alice.accessToken()).body().path("readCount").asLong()).isZero();
        assertThat(api.get(base + "/messages/9/reads", alice.accessToken()).code()).isEqualTo("MESSAGE_NOT_FOUND");

        assertThat(api.put(base + "/muted", bob.accessToken(), Map.of("muted", true)).status()).isEqualTo(200);
        JsonNode listed = api.get("/api/v1/conversations", bob.accessToken()).body().get(0);
        assertThat(listed.path("muted").asBoolean()).isTrue();
        assertThat(listed.path("unread").asLong()).isEqualTo(1);
        assertThat(api.put(base + "/muted", bob.accessToken(), Map.of()).status()).isEqualTo(400);

        JsonNode found = api.get("/api/v1/messages/search?q=REPORT", bob.accessToken()).body();
        assertThat(found.path("items").findValuesAsString("content")).containsExactly("the quarterly report is ready");
        JsonNode inOne = api.get("/api/v1/messages/search?q=lunch&conversationId=" + sent.getConversationId(), bob.accessToken()).body();
        assertThat(inOne.path("items").findValuesAsString("content")).containsExactly("also lunch at noon");
        JsonNode wildcard = api.get("/api/v1/messages/search?q=%25", bob.accessToken()).body();
        assertThat(wildcard.path("items")).as("%% matches a literal percent sign only").isEmpty();

        ApiClient.Account eve = signUp("eve");
        assertThat(api.get("/api/v1/messages/search?q=report", eve.accessToken()).body().path("items")).isEmpty();
        assertThat(api.get("/api/v1/messages/search?q=report&conversationId=" + sent.getConversationId(), eve.accessToken())
                .code()).isEqualTo("CONVERSATION_NOT_FOUND");
        assertThat(api.get(base + "/messages/1/reads", eve.accessToken()).code()).isEqualTo("CONVERSATION_NOT_FOUND");
        assertThat(api.put(base + "/muted", eve.accessToken(), Map.of("muted", true)).code()).isEqualTo("CONVERSATION_NOT_FOUND");
        Map<String, String> bad = Map.of("", "q", "?conversationId=" + sent.getConversationId(), "q", "?q=", "q",
                "?q=" + "x".repeat(101), "q", "?q=a&size=0", "size", "?q=a&size=101", "size", "?q=a&page=-1", "page");
        bad.forEach((query, field) -> {
            ApiClient.Response refused = api.get("/api/v1/messages/search" + query, bob.accessToken());
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.code()).as(query).isEqualTo("VALIDATION_FAILED");
            assertThat(refused.body().path("fields").findValuesAsString("field")).as(query).containsOnly(field);
        });
        assertThat(api.get("/api/v1/messages/search?q=a", null).status()).isEqualTo(401);
    }

    @Test
    void aReplyMarksEverythingBeforeItRead() {
        send(alicePhone, 1, bob, "q-1", "are you coming?");
        send(alicePhone, 2, bob, "q-2", "the train leaves at six");
        SendAck third = send(alicePhone, 3, bob, "q-3", "answer please");
        String base = "/api/v1/conversations/" + third.getConversationId();
        assertThat(listed(bob).path("unread").asLong()).isEqualTo(3);
        assertThat(api.get(base + "/messages/3/reads", alice.accessToken()).body().path("readCount").asLong()).isZero();

        for (int delivered = 0; delivered < 3; delivered++) {
            bobPhone.await(Frame.KindCase.DELIVER);
        }
        SendAck reply = send(bobPhone, 1, alice, "a-1", "yes, on my way");
        assertThat(reply.getSeq()).isEqualTo(4);
        JsonNode atBob = listed(bob);
        assertThat(atBob.path("readSeq").asLong()).isEqualTo(4);
        assertThat(atBob.path("unread").asLong()).isZero();
        assertThat(api.get(base + "/messages/3/reads", alice.accessToken()).body().path("readCount").asLong())
                .as("bob answered after it, so he has read it").isEqualTo(1);
        JsonNode atAlice = listed(alice);
        assertThat(atAlice.path("readSeq").asLong()).as("her own newest message").isEqualTo(3);
        assertThat(atAlice.path("unread").asLong()).isEqualTo(1);

        JsonNode back = api.post(base + "/read", bob.accessToken(), Map.of("readSeq", 2)).body();
        assertThat(back.path("readSeq").asLong()).as("a cursor never moves back below one's own message").isEqualTo(4);
        assertThat(listed(bob).path("readSeq").asLong()).isEqualTo(4);
        api.post(base + "/read", alice.accessToken(), Map.of("readSeq", 4));
        assertThat(listed(alice).path("unread").asLong()).isZero();
        assertThat(api.get(base + "/messages/4/reads", bob.accessToken()).body().path("readCount").asLong()).isEqualTo(1);
    }

    @Test
    void aReadThatMovesNoCursorIsPushedToNobody() {
        WsClient bobLaptop = device(bob);
        send(alicePhone, 1, bob, "n-1", "one");
        send(alicePhone, 2, bob, "n-2", "two");
        SendAck third = send(alicePhone, 3, bob, "n-3", "three");
        String conversation = third.getConversationId();
        String base = "/api/v1/conversations/" + conversation;
        drain(bobPhone, Frame.KindCase.DELIVER, 3);
        drain(bobLaptop, Frame.KindCase.DELIVER, 3);

        bobPhone.send(readReceipt(4, conversation, 2));
        assertThat(nextBesidesPresence(bobPhone).getReadReceipt().getReadSeq()).isEqualTo(2);
        assertThat(nextBesidesPresence(bobLaptop).getReadReceipt().getReadSeq()).isEqualTo(2);
        assertThat(nextBesidesPresence(alicePhone).getReadReceipt().getReadSeq()).isEqualTo(2);

        // the same cursor again and a cursor behind it, over both ways: answered with the cursor, pushed to nobody
        bobPhone.send(readReceipt(5, conversation, 2));
        Frame again = nextBesidesPresence(bobPhone);
        assertThat(again.getRef()).isEqualTo(5);
        assertThat(again.getReadReceipt().getReadSeq()).isEqualTo(2);
        bobPhone.send(readReceipt(6, conversation, 1));
        assertThat(nextBesidesPresence(bobPhone).getReadReceipt().getReadSeq()).isEqualTo(2);
        for (long readSeq : List.of(2L, 1L, 0L)) {
            assertThat(api.post(base + "/read", bob.accessToken(), Map.of("readSeq", readSeq)).body().path("readSeq").asLong())
                    .isEqualTo(2);
        }
        assertThat(api.post(base + "/read", alice.accessToken(), Map.of("readSeq", 3)).body().path("readSeq").asLong())
                .as("her own newest message is read already").isEqualTo(3);

        // a real move next: it is the first thing the other devices get after the first receipt
        assertThat(api.post(base + "/read", bob.accessToken(), Map.of("readSeq", 3)).body().path("readSeq").asLong()).isEqualTo(3);
        ReadReceipt moved = ReadReceipt.newBuilder().setConversationId(conversation).setReadSeq(3).setUserId(bob.id()).build();
        assertThat(nextBesidesPresence(bobLaptop).getReadReceipt()).isEqualTo(moved);
        assertThat(nextBesidesPresence(alicePhone).getReadReceipt()).isEqualTo(moved);
        assertThat(nextBesidesPresence(bobPhone).getReadReceipt()).isEqualTo(moved);
    }

    private static Frame readReceipt(long ref, String conversationId, long readSeq) {
        return Frame.newBuilder().setRef(ref).setReadReceipt(ReadReceipt.newBuilder()
                .setConversationId(conversationId).setReadSeq(readSeq)).build();
    }

    /** The account's only conversation as the conversation list shows it. */
    private JsonNode listed(ApiClient.Account account) {
        return api.get("/api/v1/conversations", account.accessToken()).body().get(0);
    }

    @OnH2
    static class OnH2Test extends ConversationFeaturesTests {
    }

    @OnMariaDb
    static class OnMariaDbTest extends ConversationFeaturesTests {
    }
}
