package io.parley.server.message;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.parley.protocol.Frame;
import io.parley.protocol.Typing;
import io.parley.server.delivery.DeviceConnection;
import io.parley.server.delivery.DevicePush;
import io.parley.server.group.GroupMembership;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Relays "typing" to the other members of a conversation: never stored, never synced, and at most one per
 * device and conversation per {@code parley.messages.typing-interval} (the rest are dropped silently: a
 * typing indicator that is a moment late is no loss). Only the user's peers see it, not their own devices.
 */
@Component
class TypingRelay {

    private final DirectConversations direct;
    private final GroupMembership groups;
    private final DevicePush push;
    /** Who typed where last, per device and conversation; entries expire after one interval. */
    private final Cache<String, Boolean> recent;

    TypingRelay(DirectConversations direct, GroupMembership groups, DevicePush push, MessageProperties properties) {
        this.direct = direct;
        this.groups = groups;
        this.push = push;
        this.recent = Caffeine.newBuilder().expireAfterWrite(properties.typingInterval()).maximumSize(1_000_000).build();
    }

    /** Relays the signal; false when the user is not in that conversation (or may not reach its members). */
    boolean relay(DeviceConnection from, Typing typing) {
        long me = from.user().id();
        String conversation = typing.getConversationId();
        Optional<long[]> others = othersIn(conversation, me);
        if (others.isEmpty()) {
            return false;
        }
        String key = System.identityHashCode(from) + "/" + from.deviceId() + "/" + conversation;
        if (recent.asMap().putIfAbsent(key, Boolean.TRUE) == null) {
            byte[] frame = Frame.newBuilder().setTyping(Typing.newBuilder().setConversationId(conversation)
                    .setUserId(from.user().uuid())).build().toByteArray();
            push.toUsers(others.get(), frame, from);
        }
        return true;
    }

    /** The members of the conversation other than {@code me}, when {@code me} is in it and may speak to them. */
    private Optional<long[]> othersIn(String conversation, long me) {
        String groupId = GroupConversations.groupId(conversation);
        if (groupId != null) {
            return groups.snapshot(groupId).filter(g -> g.isMember(me) && !g.dissolved())
                    .map(g -> Arrays.stream(g.memberIds()).filter(id -> id != me).toArray());
        }
        return direct.reachablePeer(conversation, me).map(peer -> new long[] {peer});
    }
}
