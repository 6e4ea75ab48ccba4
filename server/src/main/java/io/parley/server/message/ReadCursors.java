package io.parley.server.message;

import io.parley.protocol.Frame;
import io.parley.protocol.ReadReceipt;
import io.parley.server.auth.AuthenticatedUser;
import io.parley.server.delivery.DeviceConnection;
import io.parley.server.delivery.DevicePush;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Moves a user's read cursor and tells everyone concerned: the other party sees "read", the user's own
 * other devices clear their unread badge. A request that moves nothing tells nobody.
 */
@Service
class ReadCursors {

    private final MessageStore store;
    private final DirectConversations conversations;
    private final DevicePush push;

    ReadCursors(MessageStore store, DirectConversations conversations, DevicePush push) {
        this.store = store;
        this.conversations = conversations;
        this.push = push;
    }

    /**
     * Marks the conversation read up to {@code readSeq} (clamped to its newest message; a cursor never moves
     * back). Empty when the user is not a member. When the cursor moved, the receipt is pushed to every device
     * of the members except {@code origin}, which gets the returned receipt as its answer.
     */
    Optional<ReadReceipt> markRead(AuthenticatedUser user, String conversationId, long readSeq, DeviceConnection origin) {
        return conversations.membership(conversationId, user.id()).map(membership -> {
            // a conversation not opened yet has no message to read: its cursor stays at 0, with no row to write
            MessageStore.CursorMove move = membership.stored()
                    ? store.advanceReadCursor(membership.conversationId(), user.id(), Math.min(readSeq, membership.lastSeq()))
                    : new MessageStore.CursorMove(0, false);
            ReadReceipt receipt = ReadReceipt.newBuilder().setConversationId(conversationId).setReadSeq(move.cursor())
                    .setUserId(user.uuid()).build();
            if (move.moved()) {
                long[] members = membership.peerId() == null ? new long[] {user.id()}
                        : new long[] {user.id(), membership.peerId()};
                push.toUsers(members, Frame.newBuilder().setReadReceipt(receipt).build().toByteArray(), origin);
            }
            return receipt;
        });
    }
}
