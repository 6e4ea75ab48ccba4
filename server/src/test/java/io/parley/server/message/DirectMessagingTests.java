package io.parley.server.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.parley.protocol.ChatMessage;
import io.parley.protocol.ContentType;
import io.parley.protocol.ConversationSummary;
import io.parley.protocol.Frame;
import io.parley.protocol.ReadReceipt;
import io.parley.protocol.SendAck;
import io.parley.protocol.SyncRequest;
import io.parley.protocol.SyncResponse;
import io.parley.server.support.ApiClient;
import io.parley.server.support.OnH2;
import io.parley.server.support.OnMariaDb;
import io.parley.server.support.WsClient;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** 1:1 messaging end to end: send, ack after store, delivery to every device, sync, unread, receipts, history. */
abstract class DirectMessagingTests extends MessagingTest {

    @Test
    void bothOnlineEveryDeviceGetsTheMessageWithTheSameIdAndSeq() {
        ApiClient.Account alice = signUp("alice");
        ApiClient.Account bob = signUp("bob");
        befriend(alice, bob);
        WsClient alicePhone = device(alice);
        WsClient aliceLaptop = device(alice);
        WsClient bobPhone = device(bob);

        SendAck ack = send(alicePhone, 1, bob, "m-1", "hello bob");

        ChatMessage atBob = bobPhone.await(Frame.KindCase.DELIVER).getDeliver().getMessage();
        ChatMessage atAliceLaptop = aliceLaptop.await(Frame.KindCase.DELIVER).getDeliver().getMessage();
        for (ChatMessage m : List.of(atBob, atAliceLaptop)) {
            assertThat(m.getMessageId()).isEqualTo(ack.getMessageId());
            assertThat(m.getSeq()).isEqualTo(ack.getSeq()).isEqualTo(1);
            assertThat(m.getConversationId()).isEqualTo(ack.getConversationId())
                    .isEqualTo(ConversationIds.direct(alice.id(), bob.id()));
            assertThat(m.getFrom()).isEqualTo(alice.id());
            assertThat(m.getFromUsername()).isEqualTo(alice.username());
            assertThat(m.getTo()).isEqualTo(bob.id());
            assertThat(m.getContent()).isEqualTo("hello bob");
            assertThat(m.getServerTime()).isEqualTo(ack.getServerTime());
        }
        // the sending device gets the ack, not a second copy; each other device gets it once
        assertNothingElseQueued(alicePhone, 2);
        assertNothingElseQueued(aliceLaptop, 3);
        assertNothingElseQueued(bobPhone, 4);
    }

    @Test
    void aFileUploadedOverRestReachesTheRecipientAsTheMessagesUrl() {
        ApiClient.Account alice = signUp("alice");
        ApiClient.Account bob = signUp("bob");
        befriend(alice, bob);
        WsClient alicePhone = device(alice);
        WsClient bobPhone = device(bob);
        byte[] voiceNote = "OggS voice note bytes".getBytes(StandardCharsets.US_ASCII);
        JsonNode uploaded = api.upload("/api/v1/files", alice.accessToken(), "file", "note.ogg", "audio/ogg", voiceNote)
                .body();

        alicePhone.send(text(1, bob, "file-1", "", m -> m.setContentType(ContentType.AUDIO)
                .setUrl(uploaded.path("url").asString()).setFileSuffix("ogg")));

        assertThat(nextBesidesPresence(alicePhone).getKindCase()).isEqualTo(Frame.KindCase.ACK);
        ChatMessage atBob = bobPhone.await(Frame.KindCase.DELIVER).getDeliver().getMessage();
        assertThat(atBob.getContentType()).isEqualTo(ContentType.AUDIO);
        assertThat(atBob.getFileSuffix()).isEqualTo("ogg");
        assertThat(api.get(atBob.getUrl(), null).raw().body()).isEqualTo(voiceNote);
    }

    /** Each step of a send's path is timed: where a slow ack spent its time. */
    @Test
    void aSendIsTimedAtEachStepOfItsPath() {
        ApiClient.Account alice = signUp("alice");
        ApiClient.Account bob = signUp("bob");
        befriend(alice, bob);
        WsClient bobPhone = device(bob);
        List<String> steps = List.of("parley_messages_queue_wait_seconds", "parley_messages_commit_time_seconds",
                "parley_messages_outbox_wait_seconds", "parley_messages_handoff_wait_seconds");
        Map<String, Double> before = new HashMap<>();
        steps.forEach(name -> before.put(name, timed(name)));

        send(device(alice), 1, bob, "m-1", "hello bob");
        bobPhone.await(Frame.KindCase.DELIVER);

        // each step is recorded before what follows it is written, so the delivery means all four were
        steps.forEach(name -> assertThat(timed(name)).as(name).isGreaterThanOrEqualTo(before.get(name) + 1));
    }

    /** How many observations the histogram {@code name} has counted, from the Prometheus endpoint. */
    private double timed(String name) {
        ApiClient.Response metrics = api.send(api.request("/actuator/prometheus", null).GET());
        assertThat(metrics.status()).isEqualTo(200);
        Matcher count = Pattern.compile("(?m)^" + name + "_count(\\{[^}]*})? (\\S+)$")
                .matcher(new String(metrics.raw().body()));
        assertThat(count.find()).as(name + " is published").isTrue();
        return Double.parseDouble(count.group(2));
    }

    @Test
    void anOfflineRecipientSyncsEverythingInOrderThenReadsIt() {
        ApiClient.Account alice = signUp("alice");
        ApiClient.Account bob = signUp("bob");
        befriend(alice, bob);
        WsClient alicePhone = device(alice);
        int count = 500;
        for (int i = 1; i <= count; i++) {
            alicePhone.send(text(i, bob, "c-" + i, "message " + i));
        }
        List<Frame> acks = drain(alicePhone, Frame.KindCase.ACK, count);
        assertThat(acks).extracting(f -> f.getAck().getSeq()).containsExactlyElementsOf(
                IntStream.rangeClosed(1, count).mapToObj(Long::valueOf).toList());

        WsClient bobPhone = device(bob);
        WsClient bobLaptop = device(bob);
        List<ChatMessage> synced = syncAll(bobPhone, Map.of(), 120);
        assertThat(synced).extracting(ChatMessage::getSeq).containsExactlyElementsOf(
                IntStream.rangeClosed(1, count).mapToObj(Long::valueOf).toList());
        assertThat(synced).extracting(ChatMessage::getContent).first().isEqualTo("message 1");
        assertThat(synced).extracting(ChatMessage::getClientMessageId).doesNotHaveDuplicates();

        String conversation = ConversationIds.direct(alice.id(), bob.id());
        assertThat(conversationList(bobPhone)).singleElement().satisfies(c -> {
            assertThat(c.getConversationId()).isEqualTo(conversation);
            assertThat(c.getUnread()).isEqualTo(count);
            assertThat(c.getPeer().getUserId()).isEqualTo(alice.id());
            assertThat(c.getLastMessage().getSeq()).isEqualTo(count);
        });
        assertThat(unreadOverRest(bob, conversation)).isEqualTo(count);
        assertThat(unreadOverRest(alice, conversation)).isZero();

        bobPhone.send(Frame.newBuilder().setRef(7).setReadReceipt(ReadReceipt.newBuilder()
                .setConversationId(conversation).setReadSeq(count)).build());
        Frame answer = bobPhone.await(Frame.KindCase.READ_RECEIPT);
        assertThat(answer.getRef()).isEqualTo(7);
        assertThat(answer.getReadReceipt().getReadSeq()).isEqualTo(count);

        ReadReceipt atLaptop = bobLaptop.await(Frame.KindCase.READ_RECEIPT).getReadReceipt();
        assertThat(atLaptop.getReadSeq()).isEqualTo(count);
        assertThat(atLaptop.getUserId()).isEqualTo(bob.id());
        ReadReceipt atAlice = alicePhone.await(Frame.KindCase.READ_RECEIPT).getReadReceipt();
        assertThat(atAlice.getConversationId()).isEqualTo(conversation);
        assertThat(atAlice.getReadSeq()).isEqualTo(count);
        assertThat(atAlice.getUserId()).isEqualTo(bob.id());

        assertThat(conversationList(bobLaptop)).singleElement().satisfies(c -> assertThat(c.getUnread()).isZero());
        assertThat(unreadOverRest(bob, conversation)).isZero();
    }

    @Test
    void syncPagesRunAcrossConversationsTheMostRecentlyActiveFirst() {
        ApiClient.Account alice = signUp("alice");
        ApiClient.Account bob = signUp("bob");
        ApiClient.Account carol = signUp("carol");
        befriend(alice, bob);
        befriend(carol, bob);
        sendTwoAndAwaitAcks(alice, bob, "alice");
        sendTwoAndAwaitAcks(carol, bob, "carol");

        // pages of 3: carol's two and alice's first, then alice's second
        List<ChatMessage> synced = syncAll(device(bob), Map.of(), 3);
        assertThat(synced).extracting(ChatMessage::getContent)
                .containsExactly("from carol 1", "from carol 2", "from alice 1", "from alice 2");

        String withAlice = ConversationIds.direct(alice.id(), bob.id());
        assertThat(syncAll(device(bob), Map.of(withAlice, 1L), 3)).extracting(ChatMessage::getContent)
                .containsExactly("from carol 1", "from carol 2", "from alice 2");
    }

    /** Sends "from {name} 1" and "from {name} 2"; returns once both are acked. */
    private void sendTwoAndAwaitAcks(ApiClient.Account from, ApiClient.Account to, String name) {
        WsClient phone = device(from);
        for (int i = 1; i <= 2; i++) {
            phone.send(text(i, to, name + "-" + i, "from " + name + " " + i));
        }
        drain(phone, Frame.KindCase.ACK, 2);
    }

    @Test
    void theSameClientMessageIdTwiceIsOneMessageEvenFromTwoDevicesAtOnce() throws Exception {
        ApiClient.Account alice = signUp("alice");
        ApiClient.Account bob = signUp("bob");
        befriend(alice, bob);
        WsClient phone = device(alice);
        WsClient laptop = device(alice);

        SendAck first = send(phone, 1, bob, "dup-1", "once");
        SendAck again = send(phone, 2, bob, "dup-1", "once");
        assertThat(again).isEqualTo(first);

        // Whichever device wins, the other may also see the message delivered as "my other device sent it".
        CompletableFuture<SendAck> fromPhone = CompletableFuture.supplyAsync(() -> {
            phone.send(text(3, bob, "dup-2", "twice?"));
            return phone.await(Frame.KindCase.ACK).getAck();
        });
        CompletableFuture<SendAck> fromLaptop = CompletableFuture.supplyAsync(() -> {
            laptop.send(text(4, bob, "dup-2", "twice?"));
            return laptop.await(Frame.KindCase.ACK).getAck();
        });
        assertThat(fromPhone.get()).isEqualTo(fromLaptop.get());

        JsonNode history = api.get("/api/v1/conversations/" + first.getConversationId() + "/messages", bob.accessToken()).body();
        assertThat(history.path("items").findValuesAsString("clientMessageId")).containsExactlyInAnyOrder("dup-1", "dup-2");
    }

    @Test
    void strangersAndBlockedUsersAreRefusedAndNothingIsStored() {
        ApiClient.Account alice = signUp("alice");
        ApiClient.Account stranger = signUp("stranger");
        ApiClient.Account bob = signUp("bob");
        befriend(alice, bob);
        WsClient phone = device(alice);

        phone.send(text(1, stranger, "s-1", "hi stranger"));
        assertThat(phone.error(1).getCode()).isEqualTo("NOT_FRIENDS");

        assertThat(api.put("/api/v1/blocks/" + alice.id(), bob.accessToken(), null).status()).isEqualTo(204);
        phone.send(text(2, bob, "b-1", "hi bob"));
        assertThat(phone.error(2).getCode()).isEqualTo("BLOCKED");

        assertThat(api.get("/api/v1/conversations", alice.accessToken()).body()).isEmpty();
        assertThat(api.get("/api/v1/conversations", stranger.accessToken()).body()).isEmpty();
        assertThat(api.get("/api/v1/conversations", bob.accessToken()).body()).isEmpty();
    }

    @Test
    void aForgedSenderIsIgnoredAndAThirdUserCannotReadTheConversation() {
        ApiClient.Account alice = signUp("alice");
        ApiClient.Account bob = signUp("bob");
        ApiClient.Account eve = signUp("eve");
        befriend(alice, bob);
        befriend(eve, bob);
        WsClient evePhone = device(eve);
        WsClient bobPhone = device(bob);

        Frame forged = text(1, bob, "f-1", "I am alice", m -> m.setFrom(alice.id()).setFromUsername(alice.username()));
        evePhone.send(forged);
        assertThat(evePhone.await(Frame.KindCase.ACK).getAck().getConversationId())
                .isEqualTo(ConversationIds.direct(eve.id(), bob.id()));
        ChatMessage atBob = bobPhone.await(Frame.KindCase.DELIVER).getDeliver().getMessage();
        assertThat(atBob.getFrom()).isEqualTo(eve.id());
        assertThat(atBob.getFromUsername()).isEqualTo(eve.username());

        SendAck real = send(device(alice), 2, bob, "a-1", "really alice");
        ApiClient.Response snoop = api.get("/api/v1/conversations/" + real.getConversationId() + "/messages", eve.accessToken());
        assertThat(snoop.status()).isEqualTo(404);
        assertThat(snoop.code()).isEqualTo("CONVERSATION_NOT_FOUND");
        ApiClient.Response mark = api.post("/api/v1/conversations/" + real.getConversationId() + "/read", eve.accessToken(),
                Map.of("readSeq", 1));
        assertThat(mark.status()).isEqualTo(404);
        evePhone.send(Frame.newBuilder().setRef(9).setReadReceipt(ReadReceipt.newBuilder()
                .setConversationId(real.getConversationId()).setReadSeq(1)).build());
        assertThat(evePhone.error(9).getCode()).isEqualTo("CONVERSATION_NOT_FOUND");
        List<ChatMessage> eveSync = syncAll(evePhone, Map.of(), 100);
        assertThat(eveSync).extracting(ChatMessage::getConversationId).containsOnly(ConversationIds.direct(eve.id(), bob.id()));
    }

    @Test
    void concurrentSendersGetUniqueGaplessSeqsAndEveryDeviceSeesOneOrder() throws Exception {
        ApiClient.Account alice = signUp("alice");
        ApiClient.Account bob = signUp("bob");
        befriend(alice, bob);
        List<WsClient> senders = List.of(device(alice), device(alice), device(bob), device(bob));
        WsClient aliceWatcher = device(alice);
        WsClient bobWatcher = device(bob);
        int perSender = 50;

        List<CompletableFuture<List<Long>>> sent = IntStream.range(0, senders.size()).mapToObj(s -> CompletableFuture.supplyAsync(() -> {
            WsClient ws = senders.get(s);
            ApiClient.Account to = s < 2 ? bob : alice;
            for (int i = 0; i < perSender; i++) {
                ws.send(text(i + 1, to, "s" + s + "-" + i, "from sender " + s));
            }
            return drain(ws, Frame.KindCase.ACK, perSender).stream().map(f -> f.getAck().getSeq()).toList();
        })).toList();

        List<Long> allSeqs = sent.stream().flatMap(f -> f.join().stream()).sorted().toList();
        int total = perSender * senders.size();
        assertThat(allSeqs).containsExactlyElementsOf(IntStream.rangeClosed(1, total).mapToObj(Long::valueOf).toList());

        for (WsClient watcher : List.of(aliceWatcher, bobWatcher)) {
            List<Long> seen = drain(watcher, Frame.KindCase.DELIVER, total).stream()
                    .map(f -> f.getDeliver().getMessage().getSeq()).toList();
            assertThat(seen).as("a device sees the conversation in seq order").isSorted().hasSize(total);
        }
    }

    @Test
    void historyPagesByCursorBothWaysAndCarriesTheSender() {
        ApiClient.Account alice = signUp("alice");
        ApiClient.Account bob = signUp("bob");
        befriend(alice, bob);
        WsClient phone = device(alice);
        String conversation = null;
        for (int i = 1; i <= 7; i++) {
            conversation = send(phone, i, bob, "h-" + i, "text " + i).getConversationId();
        }
        String base = "/api/v1/conversations/" + conversation + "/messages";

        JsonNode newest = api.get(base + "?limit=3", bob.accessToken()).body();
        assertThat(newest.path("items").findValuesAsString("content")).containsExactly("text 7", "text 6", "text 5");
        assertThat(newest.path("hasMore").asBoolean()).isTrue();
        JsonNode row = newest.path("items").get(0);
        assertThat(row.path("fromUsername").asString()).isEqualTo(alice.username());
        assertThat(row.path("fromNickname").asString()).isEqualTo("Nick " + alice.username());
        assertThat(row.path("from").asString()).isEqualTo(alice.id());
        assertThat(row.path("to").asString()).isEqualTo(bob.id());
        assertThat(row.path("seq").asLong()).isEqualTo(7);

        JsonNode older = api.get(base + "?before=5&limit=10", bob.accessToken()).body();
        assertThat(older.path("items").findValuesAsString("content")).containsExactly("text 4", "text 3", "text 2", "text 1");
        assertThat(older.path("hasMore").asBoolean()).isFalse();

        JsonNode forward = api.get(base + "?after=2&limit=2", bob.accessToken()).body();
        assertThat(forward.path("items").findValuesAsString("content")).containsExactly("text 3", "text 4");

        JsonNode list = api.get("/api/v1/conversations", bob.accessToken()).body();
        assertThat(list.get(0).path("peer").path("username").asString()).isEqualTo(alice.username());
        assertThat(list.get(0).path("lastMessage").path("content").asString()).isEqualTo("text 7");
        assertThat(list.get(0).path("unread").asLong()).isEqualTo(7);
    }

    @Test
    void badHistoryAndReadRequestsAreExplained() {
        ApiClient.Account alice = signUp("alice");
        ApiClient.Account bob = signUp("bob");
        befriend(alice, bob);
        String conversation = send(device(alice), 1, bob, "x-1", "x").getConversationId();
        String base = "/api/v1/conversations/" + conversation;

        Map.of("?limit=0", List.of("limit"), "?limit=201", List.of("limit"), "?before=-1", List.of("before"),
                "?before=6&after=2", List.of("before", "after")).forEach((query, fields) -> {
                    ApiClient.Response response = api.get(base + "/messages" + query, bob.accessToken());
                    assertThat(response.status()).as(query).isEqualTo(400);
                    assertThat(response.code()).as(query).isEqualTo("VALIDATION_FAILED");
                    assertThat(response.body().path("fields").findValuesAsString("field")).as(query)
                            .containsExactlyInAnyOrderElementsOf(fields);
                    assertThat(response.body().path("fields").findValuesAsString("problem")).as(query)
                            .allSatisfy(problem -> assertThat(problem).isNotBlank());
                });
        assertThat(api.get(base + "/messages?limit=abc", bob.accessToken()).code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(api.get(base + "/messages", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/conversations/d:nonsense/messages", bob.accessToken()).status()).isEqualTo(404);
        assertThat(api.post(base + "/read", bob.accessToken(), Map.of("readSeq", -1)).status()).isEqualTo(400);
        assertThat(api.post(base + "/read", bob.accessToken(), "{\"readSeq\":").status()).isEqualTo(400);
        assertThat(api.post(base + "/read", bob.accessToken(), Map.of("readSeq", "1")).code())
                .as("a number in a string is the wrong type").isEqualTo("MALFORMED_REQUEST");
        ApiClient.Response beyond = api.post(base + "/read", bob.accessToken(), Map.of("readSeq", 1_000_000));
        assertThat(beyond.status()).isEqualTo(200);
        assertThat(beyond.body().path("readSeq").asLong()).as("clamped to the newest message").isEqualTo(1);
    }

    @Test
    void badSendsGetTheirOwnCodesAndTheConnectionStaysUsable() {
        ApiClient.Account alice = signUp("alice");
        ApiClient.Account bob = signUp("bob");
        befriend(alice, bob);
        WsClient phone = device(alice);

        phone.send(text(1, bob, "", "no client id"));
        assertThat(phone.error(1).getCode()).isEqualTo("BAD_MESSAGE");
        Frame withFile = text(2, bob, "f-1", "file", m -> m.setFile(ByteString.copyFromUtf8("bytes")));
        phone.send(withFile);
        assertThat(phone.error(2).getCode()).isEqualTo("INLINE_FILE_NOT_SUPPORTED");
        phone.send(text(3, signUpUnfriended(), "u-1", "hi"));
        assertThat(phone.error(3).getCode()).isEqualTo("NOT_FRIENDS");
        SyncRequest.Builder tooMany = SyncRequest.newBuilder();
        IntStream.rangeClosed(0, SyncService.MAX_CURSORS).forEach(i -> tooMany.putLastSeq("c" + i, 1));
        phone.send(Frame.newBuilder().setRef(4).setSyncRequest(tooMany).build());
        assertThat(phone.error(4).getCode()).isEqualTo("BAD_SYNC");

        assertThat(send(phone, 5, bob, "ok-1", "still works").getSeq()).isEqualTo(1);
    }

    private ApiClient.Account signUpUnfriended() {
        return signUp("nobody");
    }

    private List<ConversationSummary> conversationList(WsClient ws) {
        ws.send(Frame.newBuilder().setRef(500).setSyncRequest(SyncRequest.newBuilder().setPageSize(1)
                .setIncludeConversations(true)).build());
        SyncResponse response = ws.await(Frame.KindCase.SYNC_RESPONSE).getSyncResponse();
        return response.getConversationsList();
    }

    private long unreadOverRest(ApiClient.Account account, String conversation) {
        for (JsonNode c : api.get("/api/v1/conversations", account.accessToken()).body()) {
            if (c.path("id").asString().equals(conversation)) {
                return c.path("unread").asLong();
            }
        }
        throw new AssertionError("conversation not listed");
    }

    @OnH2
    static class OnH2Test extends DirectMessagingTests {
    }

    @OnMariaDb
    static class OnMariaDbTest extends DirectMessagingTests {
    }
}
