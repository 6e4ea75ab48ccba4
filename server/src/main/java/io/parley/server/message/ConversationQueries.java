package io.parley.server.message;

import io.parley.server.user.UserCard;
import io.parley.server.user.UserDirectory;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Reads of conversations for one user: the conversation list and history pages. Never the hot path. */
@Service
class ConversationQueries {

    static final int MAX_HISTORY_PAGE = 200;

    private final MessageStore store;
    private final UserDirectory users;

    ConversationQueries(MessageStore store, UserDirectory users) {
        this.store = store;
        this.users = users;
    }

    List<ConversationLine> conversationList(long userId) {
        return store.membershipsOf(userId).stream().map(this::line).toList();
    }

    Optional<Membership> membership(String conversationId, long userId) {
        return store.membership(conversationId, userId);
    }

    /**
     * A page of history. With {@code afterSeq} the page is the oldest messages after it, ascending;
     * otherwise the newest before {@code beforeSeq} (or the newest of all), descending.
     */
    List<StoredMessage> page(Membership membership, Long beforeSeq, Long afterSeq, int limit) {
        if (afterSeq != null) {
            return store.messagesAfter(membership.conversationId(), afterSeq, limit);
        }
        long before = beforeSeq == null ? Long.MAX_VALUE : beforeSeq;
        return store.messagesBefore(membership.conversationId(), before, limit);
    }

    UserCard sender(StoredMessage message) {
        return users.byId(message.senderId()).orElseThrow();
    }

    private ConversationLine line(Membership membership) {
        UserCard peer = membership.peerId() == null ? null : users.byId(membership.peerId()).orElse(null);
        StoredMessage last = membership.lastSeq() == 0 ? null
                : store.message(membership.conversationId(), membership.lastSeq()).orElse(null);
        return new ConversationLine(membership, peer, last, last == null ? null : sender(last));
    }
}
