package io.parley.server.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.protocol.ChatMessage;
import io.parley.protocol.ContentType;
import io.parley.protocol.Frame;
import io.parley.protocol.MessageType;
import io.parley.protocol.Recall;
import io.parley.protocol.SendAck;
import io.parley.protocol.SendMessage;
import io.parley.protocol.Typing;
import io.parley.server.support.ApiClient;
import io.parley.server.support.OnH2;
import io.parley.server.support.OnMariaDb;
import io.parley.server.support.WsClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Group chat through the message path: fan-out to members, sync for the offline, who may speak, mentions, recall. */
abstract class GroupChatTests extends MessagingTest {

    /** An open group owned by {@code owner} that every one of {@code members} joined. */
    private String openGroup(ApiClient.Account owner, List<ApiClient.Account> members) {
        ApiClient.Response created = api.post("/api/v1/groups", owner.accessToken(),
                Map.of("name", "group " + owner.username(), "joinPolicy", "OPEN"));
        assertThat(created.status()).as("create %s", created.body()).isEqualTo(201);
        String groupId = created.body().path("id").asString();
        members.parallelStream().forEach(m -> {
            ApiClient.Response joined = api.post("/api/v1/groups/" + groupId + "/join", m.accessToken(), null);
            assertThat(joined.status()).as("join %s", joined.body()).isEqualTo(200);
        });
        return groupId;
    }

    private static Frame groupText(long ref, String groupId, String clientMessageId, String content, String... mentions) {
        return Frame.newBuilder().setRef(ref).setSend(SendMessage.newBuilder().setMessage(ChatMessage.newBuilder()
                .setClientMessageId(clientMessageId).setTo(groupId).setContent(content).addAllMentions(List.of(mentions))
                .setContentType(ContentType.TEXT).setMessageType(MessageType.GROUP))).build();
    }

    private static SendAck sendToGroup(WsClient ws, long ref, String groupId, String clientMessageId, String content,
            String... mentions) {
        ws.send(groupText(ref, groupId, clientMessageId, content, mentions));
        Frame answer = ws.await(Frame.KindCase.ACK);
        assertThat(answer.getRef()).isEqualTo(ref);
        return answer.getAck();
    }

    private List<ApiClient.Account> signUpMany(String prefix, int count) {
        return java.util.stream.IntStream.range(0, count).parallel().mapToObj(i -> signUp(prefix)).toList();
    }

    private long unread(ApiClient.Account account, String conversationId) {
        for (JsonNode c : api.get("/api/v1/conversations", account.accessToken()).body()) {
            if (c.path("id").asString().equals(conversationId)) {
                return c.path("unread").asLong();
            }
        }
        throw new AssertionError(account.username() + " does not list " + conversationId);
    }

    @Test
    void aMessageReachesEveryOnlineMemberOnceAndTheOfflineOnesBySync() throws Exception {
        ApiClient.Account owner = signUp("owner");
        List<ApiClient.Account> members = signUpMany("member", 199);
        String groupId = openGroup(owner, members);
        String conversation = GroupConversations.conversationId(groupId);
        List<ApiClient.Account> online = members.subList(0, 49);
        List<ApiClient.Account> offline = members.subList(49, members.size());
        List<WsClient> onlineDevices = new ArrayList<>(online.parallelStream().map(this::device).toList());
        WsClient ownerPhone = device(owner);
        onlineDevices.add(device(owner));   // the sender's other device

        SendAck ack = sendToGroup(ownerPhone, 1, groupId, "g-1", "hello everyone");
        assertThat(ack.getConversationId()).isEqualTo(conversation);

        List<CompletableFuture<ChatMessage>> received = onlineDevices.stream()
                .map(ws -> CompletableFuture.supplyAsync(() -> ws.await(Frame.KindCase.DELIVER).getDeliver().getMessage()))
                .toList();
        for (CompletableFuture<ChatMessage> r : received) {
            ChatMessage m = r.get();
            assertThat(m.getMessageId()).isEqualTo(ack.getMessageId());
            assertThat(m.getMessageType()).isEqualTo(MessageType.GROUP);
            assertThat(m.getTo()).isEqualTo(groupId);
            assertThat(m.getFrom()).isEqualTo(owner.id());
        }
        for (WsClient ws : onlineDevices) {
            assertNothingElseQueued(ws, 2);   // exactly once
        }

        for (ApiClient.Account member : offline) {
            WsClient late = device(member);
            List<ChatMessage> synced = syncAll(late, Map.of(), 50);
            assertThat(synced).extracting(ChatMessage::getMessageId).containsExactly(ack.getMessageId());
            late.close();
        }
        assertThat(unread(owner, conversation)).isZero();
        members.parallelStream().forEach(m -> assertThat(unread(m, conversation)).isEqualTo(1));
    }

    @Test
    void outsidersKickedMutedAndDissolvedCannotSpeak() {
        ApiClient.Account owner = signUp("owner");
        ApiClient.Account admin = signUp("admin");
        ApiClient.Account member = signUp("member");
        ApiClient.Account kicked = signUp("kicked");
        ApiClient.Account outsider = signUp("outsider");
        String groupId = openGroup(owner, List.of(admin, member, kicked));
        String conversation = GroupConversations.conversationId(groupId);
        assertThat(api.put("/api/v1/groups/" + groupId + "/members/" + admin.id() + "/role", owner.accessToken(),
                Map.of("role", "ADMIN")).status()).isBetween(200, 204);
        WsClient ownerWs = device(owner);
        WsClient adminWs = device(admin);
        WsClient memberWs = device(member);
        WsClient kickedWs = device(kicked);
        WsClient outsiderWs = device(outsider);
        sendToGroup(ownerWs, 1, groupId, "o-1", "before the kick");

        outsiderWs.send(groupText(2, groupId, "x-1", "let me in"));
        assertThat(outsiderWs.error(2).getCode()).isEqualTo("GROUP_NOT_FOUND");
        assertThat(api.get("/api/v1/conversations/" + conversation + "/messages", outsider.accessToken()).code())
                .isEqualTo("CONVERSATION_NOT_FOUND");

        assertThat(api.delete("/api/v1/groups/" + groupId + "/members/" + kicked.id(), owner.accessToken()).status())
                .isBetween(200, 204);
        kickedWs.send(groupText(3, groupId, "k-1", "still here?"));
        assertThat(kickedWs.error(3).getCode()).isEqualTo("GROUP_NOT_FOUND");
        sendToGroup(ownerWs, 4, groupId, "o-2", "after the kick");
        assertThat(syncAll(device(kicked), Map.of(), 50)).as("a kicked member syncs nothing of the group").isEmpty();
        assertThat(api.get("/api/v1/conversations/" + conversation + "/messages", kicked.accessToken()).status()).isEqualTo(404);

        assertThat(api.put("/api/v1/groups/" + groupId + "/members/" + member.id() + "/mute", owner.accessToken(),
                Map.of("minutes", 10)).status()).isBetween(200, 204);
        memberWs.send(groupText(5, groupId, "m-1", "can I speak?"));
        assertThat(memberWs.error(5).getCode()).isEqualTo("MEMBER_MUTED");
        assertThat(api.delete("/api/v1/groups/" + groupId + "/members/" + member.id() + "/mute", owner.accessToken()).status())
                .isBetween(200, 204);
        sendToGroup(memberWs, 6, groupId, "m-2", "thanks");

        assertThat(api.put("/api/v1/groups/" + groupId + "/mute", owner.accessToken(), null).status()).isBetween(200, 204);
        memberWs.send(groupText(7, groupId, "m-3", "and now?"));
        assertThat(memberWs.error(7).getCode()).isEqualTo("GROUP_MUTED");
        sendToGroup(adminWs, 8, groupId, "a-1", "admins may speak in a muted group");

        assertThat(api.delete("/api/v1/groups/" + groupId, owner.accessToken()).status()).isBetween(200, 204);
        ownerWs.send(groupText(9, groupId, "o-3", "anyone?"));
        assertThat(ownerWs.error(9).getCode()).isEqualTo("GROUP_DISSOLVED");
        JsonNode history = api.get("/api/v1/conversations/" + conversation + "/messages", member.accessToken()).body();
        assertThat(history.path("items").findValuesAsString("content"))
                .containsExactly("admins may speak in a muted group", "thanks", "after the kick", "before the kick");
    }

    @Test
    void aLateJoinerSeesHistoryFromTheirJoinOn() {
        ApiClient.Account owner = signUp("owner");
        String groupId = openGroup(owner, List.of());
        String conversation = GroupConversations.conversationId(groupId);
        WsClient ownerWs = device(owner);
        sendToGroup(ownerWs, 1, groupId, "e-1", "before you came");
        ApiClient.Account late = signUp("late");
        assertThat(api.post("/api/v1/groups/" + groupId + "/join", late.accessToken(), null).status()).isEqualTo(200);
        SendAck after = sendToGroup(ownerWs, 2, groupId, "e-2", "welcome");

        List<ChatMessage> synced = syncAll(device(late), Map.of(), 50);
        assertThat(synced).extracting(ChatMessage::getContent).containsExactly("welcome");
        JsonNode history = api.get("/api/v1/conversations/" + conversation + "/messages", late.accessToken()).body();
        assertThat(history.path("items").findValuesAsString("content")).containsExactly("welcome");
        assertThat(api.get("/api/v1/conversations/" + conversation + "/messages/1/reads", late.accessToken()).code())
                .isEqualTo("MESSAGE_NOT_FOUND");
        assertThat(unread(late, conversation)).isEqualTo(1);
        assertThat(after.getSeq()).isEqualTo(2);
    }

    @Test
    void mentionsCountEvenWhenMutedAndReadCountsAndRecallFollowRoles() {
        ApiClient.Account owner = signUp("owner");
        ApiClient.Account ann = signUp("ann");
        ApiClient.Account ben = signUp("ben");
        String groupId = openGroup(owner, List.of(ann, ben));
        String conversation = GroupConversations.conversationId(groupId);
        WsClient ownerWs = device(owner);
        WsClient annWs = device(ann);
        WsClient benWs = device(ben);

        assertThat(api.put("/api/v1/conversations/" + conversation + "/muted", ann.accessToken(), Map.of("muted", true))
                .status()).isEqualTo(200);
        SendAck mention = sendToGroup(benWs, 1, groupId, "b-1", "@ann look", ann.id());
        assertThat(annWs.await(Frame.KindCase.DELIVER).getDeliver().getMessage().getMentionsList()).containsExactly(ann.id());
        JsonNode annList = api.get("/api/v1/conversations", ann.accessToken()).body().get(0);
        assertThat(annList.path("muted").asBoolean()).isTrue();
        assertThat(annList.path("unreadMentions").asLong()).isEqualTo(1);
        assertThat(annList.path("group").path("id").asString()).isEqualTo(groupId);
        assertThat(api.get("/api/v1/conversations", owner.accessToken()).body().get(0).path("unreadMentions").asLong()).isZero();

        api.post("/api/v1/conversations/" + conversation + "/read", ann.accessToken(), Map.of("readSeq", mention.getSeq()));
        assertThat(api.get("/api/v1/conversations", ann.accessToken()).body().get(0).path("unreadMentions").asLong()).isZero();
        JsonNode reads = api.get("/api/v1/conversations/" + conversation + "/messages/" + mention.getSeq() + "/reads",
                owner.accessToken()).body();
        assertThat(reads.path("readCount").asLong()).isEqualTo(1);
        assertThat(reads.path("memberCount").asLong()).isEqualTo(2);

        annWs.send(Frame.newBuilder().setRef(2).setRecall(Recall.newBuilder().setConversationId(conversation)
                .setSeq(mention.getSeq())).build());
        assertThat(annWs.error(2).getCode()).isEqualTo("RECALL_NOT_ALLOWED");
        ownerWs.send(Frame.newBuilder().setRef(3).setRecall(Recall.newBuilder().setConversationId(conversation)
                .setSeq(mention.getSeq())).build());
        assertThat(ownerWs.await(Frame.KindCase.ACK).getRef()).isEqualTo(3);
        ChatMessage notice = benWs.await(Frame.KindCase.DELIVER).getDeliver().getMessage();
        assertThat(notice.getContentType()).isEqualTo(ContentType.RECALLED);
        assertThat(notice.getFrom()).isEqualTo(owner.id());
    }

    @Test
    void typingInAGroupReachesTheOtherMembersOnly() {
        ApiClient.Account owner = signUp("owner");
        ApiClient.Account ann = signUp("ann");
        ApiClient.Account outsider = signUp("outsider");
        String groupId = openGroup(owner, List.of(ann));
        WsClient ownerWs = device(owner);
        WsClient annWs = device(ann);
        WsClient outsiderWs = device(outsider);

        annWs.send(Frame.newBuilder().setRef(1).setTyping(Typing.newBuilder()
                .setConversationId(GroupConversations.conversationId(groupId))).build());
        Typing atOwner = ownerWs.await(Frame.KindCase.TYPING).getTyping();
        assertThat(atOwner.getUserId()).isEqualTo(ann.id());
        assertNothingElseQueued(outsiderWs, 2);   // nothing reached the outsider
        outsiderWs.send(Frame.newBuilder().setRef(3).setTyping(Typing.newBuilder()
                .setConversationId(GroupConversations.conversationId(groupId))).build());
        assertThat(outsiderWs.error(3).getCode()).isEqualTo("CONVERSATION_NOT_FOUND");
    }

    @OnH2
    static class OnH2Test extends GroupChatTests {
    }

    @OnMariaDb
    static class OnMariaDbTest extends GroupChatTests {
    }
}
