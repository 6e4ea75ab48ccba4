package io.parley.server.message;

import io.parley.protocol.ChatMessage;
import io.parley.server.auth.AuthenticatedUser;
import io.parley.server.delivery.DeviceConnection;

/**
 * A send that passed the frame checks and waits for the writer.
 *
 * @param origin          the device that sent it, which gets the ack
 * @param ref             the frame's ref, copied into the ack or error
 * @param sender          the authenticated sender (never a field of the frame)
 * @param acceptedAtNanos when the gateway handed it over, for the ack latency metric
 * @param key             what a retry of it has in common with it
 */
record PendingSend(DeviceConnection origin, long ref, AuthenticatedUser sender, ChatMessage body,
        String conversationPublicId, long acceptedAtNanos, SendKey key) {

    PendingSend(DeviceConnection origin, long ref, AuthenticatedUser sender, ChatMessage body,
            String conversationPublicId, long acceptedAtNanos) {
        this(origin, ref, sender, body, conversationPublicId, acceptedAtNanos,
                SendKey.of(sender.id(), conversationPublicId, body.getClientMessageId()));
    }
}
