package io.parley.server.message;

import io.parley.protocol.ErrorReply;
import io.parley.protocol.Frame;
import io.parley.protocol.SendAck;

/** Encoded answers to a device's frame; each copies the frame's ref. */
final class Replies {

    private Replies() {
    }

    static byte[] error(long ref, Refusal refusal) {
        return Frame.newBuilder().setRef(ref).setError(ErrorReply.newBuilder()
                .setCode(refusal.code()).setMessage(refusal.message()).setRetryable(refusal.retryable())).build().toByteArray();
    }

    static byte[] ack(long ref, SendAck ack) {
        return Frame.newBuilder().setRef(ref).setAck(ack).build().toByteArray();
    }
}
