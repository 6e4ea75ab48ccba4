package io.parley.server.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.protocol.Frame;
import io.parley.protocol.ReadReceipt;
import io.parley.protocol.SendAck;
import io.parley.server.support.ApiClient;
import io.parley.server.support.FriendApi;
import io.parley.server.support.OnH2;
import io.parley.server.support.OnMariaDb;
import io.parley.server.support.WsClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A 1:1 conversation before its first message: its id names it from the start, so two users who may message
 * each other find it existing and empty; everyone else finds no conversation.
 */
abstract class EmptyConversationTests extends MessagingTest {

    @Test
    void friendsFindTheirConversationEmptyAndReadingItCreatesNothingAndPushesNothing() {
        ApiClient.Account alice = signUp("alice");
        ApiClient.Account bob = signUp("bob");
        befriend(alice, bob);
        WsClient alicePhone = device(alice);
        WsClient aliceLaptop = device(alice);
        WsClient bobPhone = device(bob);
        String conversation = ConversationIds.direct(alice.id(), bob.id());

        assertEmpty(api, alice, alicePhone, conversation);
        assertEmpty(api, bob, bobPhone, conversation);
        assertThat(api.get("/api/v1/conversations", alice.accessToken()).body()).as("reading opens nothing").isEmpty();
        assertThat(api.get("/api/v1/conversations", bob.accessToken()).body()).isEmpty();

        // the marks read above pushed nothing: the first frame the other devices get is the first message
        SendAck first = send(alicePhone, 10, bob, "e-1", "hello");
        assertThat(first.getSeq()).isEqualTo(1);
        assertThat(first.getConversationId()).isEqualTo(conversation);
        assertThat(nextBesidesPresence(bobPhone).getDeliver().getMessage().getSeq()).isEqualTo(1);
        assertThat(nextBesidesPresence(aliceLaptop).getDeliver().getMessage().getSeq()).isEqualTo(1);
    }

    @Test
    void muteBeforeTheFirstMessageOpensTheConversationAndIsKeptWhenTheFirstMessageComes() {
        ApiClient.Account alice = signUp("alice");
        ApiClient.Account bob = signUp("bob");
        befriend(alice, bob);
        WsClient alicePhone = device(alice);
        WsClient bobPhone = device(bob);
        String conversation = ConversationIds.direct(alice.id(), bob.id());

        ApiClient.Response muted = api.put(base(conversation) + "/muted", bob.accessToken(), Map.of("muted", true));
        assertThat(muted.status()).isEqualTo(200);
        assertThat(muted.body().path("muted").asBoolean()).isTrue();
        JsonNode atBob = listed(bob);
        assertThat(atBob.path("id").asString()).isEqualTo(conversation);
        assertThat(atBob.path("muted").asBoolean()).isTrue();
        assertThat(atBob.path("lastSeq").asLong()).isZero();
        assertThat(atBob.path("lastMessage").isNull()).isTrue();
        assertThat(listed(alice).path("muted").asBoolean()).as("muting is bob's alone").isFalse();
        assertEmpty(api, bob, bobPhone, conversation);

        SendAck first = send(alicePhone, 10, bob, "m-1", "first words");
        assertThat(first.getSeq()).isEqualTo(1);
        assertThat(first.getConversationId()).isEqualTo(conversation);
        assertThat(nextBesidesPresence(bobPhone).getDeliver().getMessage().getContent()).isEqualTo("first words");
        atBob = listed(bob);
        assertThat(atBob.path("muted").asBoolean()).isTrue();
        assertThat(atBob.path("unread").asLong()).isEqualTo(1);
        assertThat(atBob.path("lastMessage").path("seq").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/conversations", bob.accessToken()).body()).hasSize(1);

        assertThat(api.put(base(conversation) + "/muted", bob.accessToken(), Map.of("muted", false)).status()).isEqualTo(200);
        assertThat(listed(bob).path("muted").asBoolean()).isFalse();
    }

    @Test
    void strangersBlockedPairsOutsidersAndBadIdsStillFindNoConversation() {
        ApiClient.Account alice = signUp("alice");
        ApiClient.Account bob = signUp("bob");
        ApiClient.Account eve = signUp("eve");
        befriend(alice, bob);
        WsClient alicePhone = device(alice);
        WsClient bobPhone = device(bob);
        WsClient evePhone = device(eve);
        String friends = ConversationIds.direct(alice.id(), bob.id());
        String strangers = ConversationIds.direct(eve.id(), bob.id());
        String[] ordered = friends.substring(2).split(":");

        assertNotFound(api, eve, evePhone, strangers);
        assertNotFound(api, bob, bobPhone, strangers);
        assertNotFound(api, eve, evePhone, friends);
        assertNotFound(api, alice, alicePhone, ConversationIds.direct(alice.id(), alice.id()));
        assertNotFound(api, alice, alicePhone, "d:" + ordered[1] + ":" + ordered[0]);
        assertNotFound(api, alice, alicePhone, "d:" + alice.id());
        assertNotFound(api, alice, alicePhone, "d:not-a-user:" + bob.id());

        assertThat(new FriendApi(api).block(alice, bob.id()).status()).isEqualTo(204);
        assertNotFound(api, alice, alicePhone, friends);
        assertNotFound(api, bob, bobPhone, friends);
    }

    private static String base(String conversation) {
        return "/api/v1/conversations/" + conversation;
    }

    /** The account's only conversation as the conversation list shows it. */
    private JsonNode listed(ApiClient.Account account) {
        JsonNode list = api.get("/api/v1/conversations", account.accessToken()).body();
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    /** The conversation as a member sees it before its first message: empty, read up to 0. */
    static void assertEmpty(ApiClient api, ApiClient.Account who, WsClient device, String conversation) {
        JsonNode history = api.get(base(conversation) + "/messages", who.accessToken()).body();
        assertThat(history.path("items")).isEmpty();
        assertThat(history.path("hasMore").asBoolean()).isFalse();
        assertThat(api.get(base(conversation) + "/messages?after=0", who.accessToken()).body().path("items")).isEmpty();
        assertThat(api.get(base(conversation) + "/messages/1/reads", who.accessToken()).code()).isEqualTo("MESSAGE_NOT_FOUND");
        JsonNode found = api.get("/api/v1/messages/search?q=x&conversationId=" + conversation, who.accessToken()).body();
        assertThat(found.path("items")).isEmpty();
        for (long readSeq : List.of(0L, 5L)) {
            JsonNode cursor = api.post(base(conversation) + "/read", who.accessToken(), Map.of("readSeq", readSeq)).body();
            assertThat(cursor.path("conversationId").asString()).isEqualTo(conversation);
            assertThat(cursor.path("readSeq").asLong()).as("read %s", readSeq).isZero();
        }
        device.send(readReceipt(7, conversation, 0));
        Frame answer = nextBesidesPresence(device);
        assertThat(answer.getRef()).isEqualTo(7);
        assertThat(answer.getReadReceipt().getConversationId()).isEqualTo(conversation);
        assertThat(answer.getReadReceipt().getReadSeq()).isZero();
    }

    /** Every way of naming the conversation answers CONVERSATION_NOT_FOUND, as for any id that names none. */
    static void assertNotFound(ApiClient api, ApiClient.Account who, WsClient device, String conversation) {
        String token = who.accessToken();
        assertThat(api.get(base(conversation) + "/messages", token).code()).as(conversation).isEqualTo("CONVERSATION_NOT_FOUND");
        assertThat(api.get(base(conversation) + "/messages/1/reads", token).code()).isEqualTo("CONVERSATION_NOT_FOUND");
        assertThat(api.post(base(conversation) + "/read", token, Map.of("readSeq", 0)).code()).isEqualTo("CONVERSATION_NOT_FOUND");
        assertThat(api.put(base(conversation) + "/muted", token, Map.of("muted", true)).code()).isEqualTo("CONVERSATION_NOT_FOUND");
        assertThat(api.get("/api/v1/messages/search?q=x&conversationId=" + conversation, token).code())
                .isEqualTo("CONVERSATION_NOT_FOUND");
        device.send(readReceipt(8, conversation, 0));
        assertThat(device.error(8).getCode()).isEqualTo("CONVERSATION_NOT_FOUND");
        assertThat(api.get("/api/v1/conversations", token).body()).as("nothing was opened").isEmpty();
    }

    private static Frame readReceipt(long ref, String conversation, long readSeq) {
        return Frame.newBuilder().setRef(ref).setReadReceipt(ReadReceipt.newBuilder()
                .setConversationId(conversation).setReadSeq(readSeq)).build();
    }

    /** With strangers allowed to message each other, any two users find their conversation; a block still ends it. */
    @TestPropertySource(properties = "parley.friends.allow-messages-from-strangers=true")
    abstract static class StrangersAllowedTests extends MessagingTest {

        @Test
        void strangersFindTheirConversationEmptyUnlessOneBlockedTheOther() {
            ApiClient.Account eve = signUp("eve");
            ApiClient.Account bob = signUp("bob");
            WsClient evePhone = device(eve);
            WsClient bobPhone = device(bob);
            String conversation = ConversationIds.direct(eve.id(), bob.id());

            assertEmpty(api, eve, evePhone, conversation);
            assertEmpty(api, bob, bobPhone, conversation);
            assertNotFound(api, eve, evePhone, ConversationIds.direct(eve.id(), eve.id()));

            assertThat(new FriendApi(api).block(bob, eve.id()).status()).isEqualTo(204);
            assertNotFound(api, eve, evePhone, conversation);
            assertNotFound(api, bob, bobPhone, conversation);
        }

        @OnH2
        static class OnH2Test extends StrangersAllowedTests {
        }

        @OnMariaDb
        static class OnMariaDbTest extends StrangersAllowedTests {
        }
    }

    @OnH2
    static class OnH2Test extends EmptyConversationTests {
    }

    @OnMariaDb
    static class OnMariaDbTest extends EmptyConversationTests {
    }
}
