package io.parley.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.protocol.ChatMessage;
import io.parley.protocol.ContentType;
import io.parley.protocol.Frame;
import io.parley.protocol.MessageType;
import io.parley.protocol.SendMessage;
import io.parley.protocol.SyncRequest;
import io.parley.protocol.SyncResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a chat client does, in the few calls tests need: send text, sync everything. */
public final class Chat {

    private Chat() {
    }

    public static Frame text(long ref, ApiClient.Account to, String clientMessageId, String content) {
        return Frame.newBuilder().setRef(ref).setSend(SendMessage.newBuilder().setMessage(ChatMessage.newBuilder()
                .setClientMessageId(clientMessageId).setTo(to.id()).setContent(content)
                .setContentType(ContentType.TEXT).setMessageType(MessageType.SINGLE))).build();
    }

    /** Syncs page by page from {@code lastSeq} until the server says there is no more; returns every message. */
    public static List<ChatMessage> syncAll(WsClient ws, Map<String, Long> lastSeq, int pageSize) {
        Map<String, Long> cursors = new HashMap<>(lastSeq);
        List<ChatMessage> all = new ArrayList<>();
        long ref = 10_000;
        while (true) {
            ref++;
            ws.send(Frame.newBuilder().setRef(ref).setSyncRequest(SyncRequest.newBuilder()
                    .putAllLastSeq(cursors).setPageSize(pageSize)).build());
            SyncResponse page = ws.await(Frame.KindCase.SYNC_RESPONSE).getSyncResponse();
            for (ChatMessage m : page.getMessagesList()) {
                all.add(m);
                cursors.put(m.getConversationId(), m.getSeq());
            }
            if (!page.getHasMore()) {
                return all;
            }
            assertThat(page.getMessagesCount()).as("a page that has more is not empty").isPositive();
        }
    }
}
