package io.parley.server.group;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Placeholder replaced by the group management branch on merge. */
@Component
public class GroupMembership {

    public enum Role { OWNER, ADMIN, MEMBER }

    public record Member(long userId, Role role, Instant mutedUntil) {
        public boolean mayModerate() {
            return role != Role.MEMBER;
        }
    }

    public record GroupSnapshot(long id, String uuid, String name, String avatarUrl, String notice, boolean dissolved,
            boolean allMuted, Map<Long, Member> members) {
        public boolean isMember(long userId) {
            return members.containsKey(userId);
        }

        public long[] memberIds() {
            return members.keySet().stream().mapToLong(Long::longValue).toArray();
        }

        public Optional<String> whyCannotSpeak(long userId, Instant now) {
            return Optional.empty();
        }
    }

    public Optional<GroupSnapshot> snapshot(String groupUuid) {
        return Optional.empty();
    }
}
