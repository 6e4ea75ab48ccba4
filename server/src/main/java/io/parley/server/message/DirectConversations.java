package io.parley.server.message;

import io.parley.server.friend.FriendGraph;
import io.parley.server.user.UserCard;
import io.parley.server.user.UserDirectory;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who is in a 1:1 conversation, also before its first message. Its id names it from the start (see
 * {@link ConversationIds}) while its row is only created with that message, so two users who may message each
 * other find it as an existing, empty conversation: a chat client opens it, reads it and marks it read before
 * anyone wrote. Who may message whom is {@link FriendGraph#mayMessage}, the rule sending follows.
 */
@Component
class DirectConversations {

    private final MessageStore store;
    private final UserDirectory users;
    private final FriendGraph friends;

    DirectConversations(MessageStore store, UserDirectory users, FriendGraph friends) {
        this.store = store;
        this.users = users;
        this.friends = friends;
    }

    /**
     * The user's place in a conversation: their stored membership, or for a 1:1 conversation without a row whose
     * other party they may message, an unopened one ({@link Membership#unopened}). Empty for anyone else.
     */
    Optional<Membership> membership(String conversationId, long userId) {
        return store.membership(conversationId, userId)
                .or(() -> reachablePeer(conversationId, userId).map(peer -> Membership.unopened(conversationId, peer)));
    }

    /**
     * The other party of a 1:1 conversation id when the user is one of its two parties and may message them
     * (never themself: sending to yourself is refused). Empty for a malformed id, a group, or anyone else.
     */
    Optional<Long> reachablePeer(String conversationId, long userId) {
        return ConversationIds.directParties(conversationId).flatMap(parties -> {
            Optional<UserCard> a = users.byUuid(parties[0]);
            Optional<UserCard> b = users.byUuid(parties[1]);
            if (a.isEmpty() || b.isEmpty()) {
                return Optional.empty();
            }
            long peer = a.get().id() == userId ? b.get().id() : b.get().id() == userId ? a.get().id() : userId;
            return peer == userId || !friends.mayMessage(userId, peer) ? Optional.empty() : Optional.of(peer);
        });
    }
}
