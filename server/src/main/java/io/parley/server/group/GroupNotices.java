package io.parley.server.group;

import io.parley.protocol.GroupEvent;
import io.parley.protocol.GroupSummary;
import io.parley.protocol.UserSummary;
import io.parley.server.user.UserCard;
import io.parley.server.user.UserDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Builds the {@code GroupEvent} of a change and publishes it, with its recipients, as a {@link GroupNotice}
 * for {@link GroupEventPush} to send after the commit. Who receives what is docs/PROTOCOL.md's "Groups".
 */
@Component
class GroupNotices {

    private final UserDirectory users;
    private final ApplicationEventPublisher events;

    GroupNotices(UserDirectory users, ApplicationEventPublisher events) {
        this.users = users;
        this.events = events;
    }

    /** An event about the group, done by {@code actorId}. */
    GroupEvent.Builder event(ChatGroup group, GroupEvent.Type type, long actorId) {
        GroupSummary.Builder summary = GroupSummary.newBuilder().setGroupId(group.getUuid()).setName(group.getName())
                .setNotice(group.getNotice());
        if (group.avatarUrl() != null) {
            summary.setAvatar(group.avatarUrl());
        }
        return GroupEvent.newBuilder().setType(type).setGroup(summary).setActor(summaryOf(actorId));
    }

    /** An event done by {@code actorId} to {@code targetId}. */
    GroupEvent.Builder event(ChatGroup group, GroupEvent.Type type, long actorId, long targetId) {
        return event(group, type, actorId).setTarget(summaryOf(targetId));
    }

    void send(long[] recipientIds, GroupEvent.Builder event) {
        events.publishEvent(new GroupNotice(recipientIds, event.build()));
    }

    private UserSummary summaryOf(long userId) {
        return users.byId(userId).map(UserCard::summary)
                .orElseThrow(() -> new IllegalStateException("user " + userId + " of a group does not exist"));
    }
}
