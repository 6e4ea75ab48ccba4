package io.parley.server.message;

import io.parley.protocol.Frame;
import io.parley.server.delivery.DeviceConnection;
import io.parley.server.delivery.ErrorReplies;
import io.parley.server.delivery.FrameError;
import org.springframework.stereotype.Component;

/**
 * Routes the chat frames the gateway accepts to the message core. Messaging is not built yet, so every
 * such frame is answered NOT_AVAILABLE; the message core takes this bean's place.
 */
@Component
class InboundFrameRouter implements InboundFrames {

    private final ErrorReplies errors;

    InboundFrameRouter(ErrorReplies errors) {
        this.errors = errors;
    }

    @Override
    public void accept(DeviceConnection from, Frame frame) {
        switch (frame.getKindCase()) {
            case SEND, SYNC_REQUEST, READ_RECEIPT -> errors.send(from, frame.getRef(), FrameError.NOT_AVAILABLE,
                    "messaging is not enabled on this server yet");
            default -> throw new IllegalArgumentException("The gateway hands no " + frame.getKindCase() + " frames to the core");
        }
    }
}
