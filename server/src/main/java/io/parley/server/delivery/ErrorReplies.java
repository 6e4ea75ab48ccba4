package io.parley.server.delivery;

import io.parley.protocol.ErrorReply;
import io.parley.protocol.Frame;
import io.parley.server.web.ErrorMetrics;
import org.springframework.stereotype.Component;

/** Refuses a frame: answers the device with an {@code ErrorReply} and counts the refusal by its code. */
@Component
public class ErrorReplies {

    private final ErrorMetrics metrics;

    public ErrorReplies(ErrorMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * @param ref     the refused frame's ref (0 when it could not be read), so the client can match the answer
     * @param message for people; clients branch on {@code error}
     */
    public void send(DeviceConnection to, long ref, FrameError error, String message) {
        metrics.count("ws", error.name());
        Frame reply = Frame.newBuilder()
                .setRef(ref)
                .setError(ErrorReply.newBuilder()
                        .setCode(error.name())
                        .setMessage(message)
                        .setRetryable(error.retryable()))
                .build();
        to.send(reply.toByteArray());
    }
}
