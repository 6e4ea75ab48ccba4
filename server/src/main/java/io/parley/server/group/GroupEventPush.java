package io.parley.server.group;

import io.parley.protocol.Frame;
import io.parley.server.delivery.DevicePush;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Pushes a committed group change to the devices of the users concerned, encoding the frame once for all. */
@Component
class GroupEventPush {

    private static final Logger log = LoggerFactory.getLogger(GroupEventPush.class);

    private final DevicePush devicePush;

    GroupEventPush(DevicePush devicePush) {
        this.devicePush = devicePush;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void push(GroupNotice notice) {
        byte[] frame = Frame.newBuilder().setGroupEvent(notice.event()).build().toByteArray();
        try {
            devicePush.toUsers(notice.recipientIds(), frame, null);
        } catch (RuntimeException e) {
            // The change is committed and clients see it on their next read; a failed push must not turn the
            // caller's success into an error.
            log.warn("Could not push {} of group {}", notice.event().getType(), notice.event().getGroup().getGroupId(), e);
        }
    }
}
