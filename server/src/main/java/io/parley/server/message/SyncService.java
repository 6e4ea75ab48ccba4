package io.parley.server.message;

import io.parley.protocol.ConversationSummary;
import io.parley.protocol.GroupSummary;
import io.parley.protocol.MessageType;
import io.parley.protocol.SyncRequest;
import io.parley.protocol.SyncResponse;
import io.parley.server.auth.AuthenticatedUser;
import io.parley.server.delivery.FrameError;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Answers a device's sync request: every message it has not seen, conversation by conversation in seq
 * order, a page at a time. Push is only an optimisation; this is what a reconnecting device trusts.
 */
@Service
class SyncService {

    static final int MAX_CURSORS = 5_000;

    private final MessageStore store;
    private final ConversationQueries queries;
    private final MessageProperties properties;

    SyncService(MessageStore store, ConversationQueries queries, MessageProperties properties) {
        this.store = store;
        this.queries = queries;
        this.properties = properties;
    }

    /** Checks the request's shape; a refusal when it is out of bounds. */
    static Optional<Refusal> check(SyncRequest request) {
        if (request.getLastSeqCount() > MAX_CURSORS) {
            return Optional.of(new Refusal(FrameError.BAD_SYNC, "At most " + MAX_CURSORS + " conversations per sync"));
        }
        return Optional.empty();
    }

    SyncResponse sync(AuthenticatedUser user, SyncRequest request) {
        int pageSize = request.getPageSize() == 0 ? properties.syncPageSize()
                : Math.min(request.getPageSize(), properties.maxSyncPageSize());
        Map<String, Long> seen = request.getLastSeqMap();
        SyncResponse.Builder response = SyncResponse.newBuilder();
        int room = pageSize;
        boolean more = false;
        for (SyncPoint conversation : store.syncPointsOf(user.id())) {
            long from = Math.max(seen.getOrDefault(conversation.publicId(), 0L), conversation.visibleFromSeq());
            if (conversation.lastSeq() <= from) {
                continue;
            }
            if (room == 0) {
                more = true;
                break;
            }
            List<StoredMessage> missed = store.messagesAfter(conversation.conversationId(), from, room);
            for (StoredMessage message : missed) {
                response.addMessages(ChatMessages.toProto(message, queries.sender(message)));
            }
            room -= missed.size();
            long reached = missed.isEmpty() ? from : missed.get(missed.size() - 1).seq();
            more |= reached < conversation.lastSeq();
        }
        if (request.getIncludeConversations()) {
            queries.conversationList(user.id()).forEach(line -> response.addConversations(summary(line)));
        }
        return response.setHasMore(more).build();
    }

    private static ConversationSummary summary(ConversationLine line) {
        Membership m = line.membership();
        ConversationSummary.Builder b = ConversationSummary.newBuilder()
                .setConversationId(m.publicId())
                .setType(m.isGroup() ? MessageType.GROUP : MessageType.SINGLE)
                .setLastSeq(m.lastSeq())
                .setReadSeq(Math.max(m.readSeq(), m.visibleFromSeq()))
                .setUnread(m.unread())
                .setUnreadMentions(m.unreadMentions())
                .setMuted(m.muted());
        if (line.peer() != null) {
            b.setPeer(line.peer().summary());
        }
        if (line.group() != null) {
            ConversationLine.GroupCard g = line.group();
            GroupSummary.Builder group = GroupSummary.newBuilder().setGroupId(g.id()).setName(g.name()).setNotice(g.notice());
            if (g.avatarUrl() != null) {
                group.setAvatar(g.avatarUrl());
            }
            b.setGroup(group);
        }
        if (line.last() != null) {
            b.setLastMessage(ChatMessages.toProto(line.last(), line.lastSender()));
        }
        return b.build();
    }
}
