package io.parley.server.message;

import io.parley.server.group.GroupMembership;
import io.parley.server.user.UserCard;
import io.parley.server.user.UserDirectory;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Reads of conversations for one user: the conversation list and history pages. Never the hot path. */
@Service
class ConversationQueries {

    static final int MAX_HISTORY_PAGE = 200;

    private final MessageStore store;
    private final DirectConversations direct;
    private final UserDirectory users;
    private final GroupMembership groups;
    private final Clock clock;

    ConversationQueries(MessageStore store, DirectConversations direct, UserDirectory users, GroupMembership groups,
            Clock clock) {
        this.store = store;
        this.direct = direct;
        this.users = users;
        this.groups = groups;
        this.clock = clock;
    }

    List<ConversationLine> conversationList(long userId) {
        return store.membershipsOf(userId).stream().map(this::line).toList();
    }

    /** The user's place in the conversation, also in a 1:1 one not opened yet; empty when they are not in it. */
    Optional<Membership> membership(String conversationId, long userId) {
        return direct.membership(conversationId, userId);
    }

    /**
     * A page of history the member may see (from their visible start on). With {@code afterSeq} the page is
     * the oldest messages after it, ascending; otherwise the newest before {@code beforeSeq} (or the newest
     * of all), descending.
     */
    List<StoredMessage> page(Membership membership, Long beforeSeq, Long afterSeq, int limit) {
        if (afterSeq != null) {
            return store.messagesAfter(membership.conversationId(), Math.max(afterSeq, membership.visibleFromSeq()), limit);
        }
        long before = beforeSeq == null ? Long.MAX_VALUE : beforeSeq;
        return store.messagesBefore(membership.conversationId(), before, membership.visibleFromSeq(), limit);
    }

    /** One message the member may see, or empty. */
    Optional<StoredMessage> message(Membership membership, long seq) {
        return seq <= membership.visibleFromSeq() ? Optional.empty() : store.message(membership.conversationId(), seq);
    }

    MessageStore.ReadCount readCount(Membership membership, StoredMessage message) {
        return store.readCount(membership.conversationId(), message.seq(), message.senderId());
    }

    /** Keeps the setting on the user's member row: a 1:1 conversation not opened yet is opened for it. */
    void setMuted(Membership membership, long userId, boolean muted) {
        long conversationId = membership.stored() ? membership.conversationId()
                : store.openDirectConversation(new MessageStore.NewDirectConversation(membership.publicId(),
                        Math.min(userId, membership.peerId()), Math.max(userId, membership.peerId())), clock.instant());
        store.setMuted(conversationId, userId, muted);
    }

    /** Text messages with {@code text} in the user's conversations (or in one), newest first. */
    List<StoredMessage> search(long userId, String conversationId, String text, int offset, int limit) {
        return store.search(userId, conversationId, text, offset, limit);
    }

    UserCard sender(StoredMessage message) {
        return users.byId(message.senderId()).orElseThrow();
    }

    private ConversationLine line(Membership membership) {
        UserCard peer = membership.peerId() == null ? null : users.byId(membership.peerId()).orElse(null);
        ConversationLine.GroupCard group = membership.isGroup() ? groupCard(membership.publicId()) : null;
        StoredMessage last = membership.lastSeq() <= membership.visibleFromSeq() ? null
                : store.message(membership.conversationId(), membership.lastSeq()).orElse(null);
        return new ConversationLine(membership, peer, group, last, last == null ? null : sender(last));
    }

    private ConversationLine.GroupCard groupCard(String conversationId) {
        String groupId = GroupConversations.groupId(conversationId);
        return groups.snapshot(groupId)
                .map(g -> new ConversationLine.GroupCard(g.uuid(), g.name(), g.avatarUrl(), g.notice(), g.dissolved()))
                .orElse(new ConversationLine.GroupCard(groupId, "", null, "", true));
    }
}
