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
 * other devices clear their unread badge.
 */
@Service
class ReadCursors {

    private final MessageStore store;
    private final DevicePush push;

    ReadCursors(MessageStore store, DevicePush push) {
        this.store = store;
        this.push = push;
    }

    /**
     * Marks the conversation read up to {@code readSeq} (clamped to its newest message; a cursor never moves
     * back). Empty when the user is not a member. The receipt is pushed to every device of the members
     * except {@code origin}, which gets the returned receipt as its answer.
     */
    Optional<ReadReceipt> markRead(AuthenticatedUser user, String conversationId, long readSeq, DeviceConnection origin) {
        return store.membership(conversationId, user.id()).map(membership -> {
            long cursor = store.advanceReadCursor(membership.conversationId(), user.id(),
                    Math.min(readSeq, membership.lastSeq()));
            ReadReceipt receipt = ReadReceipt.newBuilder().setConversationId(conversationId).setReadSeq(cursor)
                    .setUserId(user.uuid()).build();
            long[] members = membership.peerId() == null ? new long[] {user.id()}
                    : new long[] {user.id(), membership.peerId()};
            push.toUsers(members, Frame.newBuilder().setReadReceipt(receipt).build().toByteArray(), origin);
            return receipt;
        });
    }
}
