package io.parley.server.friend;

import io.parley.protocol.FriendEvent;
import io.parley.protocol.Frame;
import io.parley.protocol.UserSummary;
import io.parley.server.delivery.DevicePush;
import io.parley.server.user.UserViews;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Tells the other party's connected devices about a friend request or friendship change, once it is committed. */
@Component
class FriendEventPush {

    private static final Logger log = LoggerFactory.getLogger(FriendEventPush.class);

    private final DevicePush devicePush;

    FriendEventPush(DevicePush devicePush) {
        this.devicePush = devicePush;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void push(FriendNotice notice) {
        Frame frame = Frame.newBuilder().setFriendEvent(FriendEvent.newBuilder()
                .setType(notice.type())
                .setRequestId(notice.requestId())
                .setUser(summary(notice.actor()))).build();
        try {
            devicePush.toUser(notice.recipientId(), frame);
        } catch (RuntimeException e) {
            // The change is committed and the client will see it on its next list; a failed push must not
            // turn the caller's success into an error.
            log.warn("Could not push {} to user {}", notice.type(), notice.recipientId(), e);
        }
    }

    private static UserSummary summary(UserViews.Public user) {
        return UserSummary.newBuilder()
                .setUserId(user.id())
                .setUsername(user.username())
                .setNickname(user.nickname())
                .setAvatar(user.avatarUrl() == null ? "" : user.avatarUrl())
                .build();
    }
}
