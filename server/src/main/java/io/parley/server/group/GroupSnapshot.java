package io.parley.server.group;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A group as the message path needs it, read from memory on every group message: immutable, so any number of
 * threads may share one, and built once per change (membership, roles, mutes, settings), so reading it is
 * a map lookup. Served by {@link GroupMembership}.
 *
 * <p>A class with record-style accessors rather than a record: it also holds the member ids as a ready array.
 */
public final class GroupSnapshot {

    /**
     * One member. {@code mutedUntil} is null when not muted, {@link #UNTIL_UNMUTED} when muted until someone
     * lifts it; a time already past means the mute is over.
     */
    public record Member(long userId, GroupRole role, Instant mutedUntil) {

        /** The {@code mutedUntil} of a mute without an end. */
        public static final Instant UNTIL_UNMUTED = Instant.MAX;

        /** Owner or admin. */
        public boolean mayModerate() {
            return role.mayModerate();
        }

        public boolean isMutedAt(Instant now) {
            return mutedUntil != null && now.isBefore(mutedUntil);
        }
    }

    private final long id;
    private final String uuid;
    private final String name;
    private final String avatarUrl;
    private final String notice;
    private final boolean dissolved;
    private final boolean allMuted;
    private final Map<Long, Member> members;
    private final long[] memberIds;

    public GroupSnapshot(long id, String uuid, String name, String avatarUrl, String notice, boolean dissolved,
            boolean allMuted, Map<Long, Member> members) {
        this.id = id;
        this.uuid = uuid;
        this.name = name;
        this.avatarUrl = avatarUrl;
        this.notice = notice;
        this.dissolved = dissolved;
        this.allMuted = allMuted;
        this.members = Map.copyOf(members);
        this.memberIds = this.members.keySet().stream().mapToLong(Long::longValue).toArray();
    }

    /** Internal group id (chat_groups.id). */
    public long id() {
        return id;
    }

    /** Public group id, as in the REST API and {@code g:<uuid>} conversation ids. */
    public String uuid() {
        return uuid;
    }

    public String name() {
        return name;
    }

    /** Where the group's avatar is served, or null. */
    public String avatarUrl() {
        return avatarUrl;
    }

    /** The announcement; empty when none. */
    public String notice() {
        return notice;
    }

    /** Dissolved: members may still read its history, nobody may send. */
    public boolean dissolved() {
        return dissolved;
    }

    /** Only the owner and admins may speak. */
    public boolean allMuted() {
        return allMuted;
    }

    /** Members by internal user id; immutable. */
    public Map<Long, Member> members() {
        return members;
    }

    public boolean isMember(long userId) {
        return members.containsKey(userId);
    }

    public int memberCount() {
        return memberIds.length;
    }

    /** Every member's internal user id, for fan-out: the same array on every call, so never change it. */
    public long[] memberIds() {
        return memberIds;
    }

    /**
     * Why {@code userId} may not send a message to the group at {@code now}, or empty when they may:
     * "NOT_A_MEMBER", "GROUP_DISSOLVED", "MEMBER_MUTED" (their own mute, whatever their role), or
     * "GROUP_MUTED" (the whole group is muted and they are neither owner nor admin), checked in that order.
     */
    public Optional<String> whyCannotSpeak(long userId, Instant now) {
        Member member = members.get(userId);
        if (member == null) {
            return Optional.of("NOT_A_MEMBER");
        }
        if (dissolved) {
            return Optional.of("GROUP_DISSOLVED");
        }
        if (member.isMutedAt(now)) {
            return Optional.of("MEMBER_MUTED");
        }
        if (allMuted && !member.mayModerate()) {
            return Optional.of("GROUP_MUTED");
        }
        return Optional.empty();
    }
}
