package io.parley.server.group;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * A user's membership of a group: their role and whether they are muted. A mute lasts until
 * {@code mutedUntil}, or until lifted when {@code mutedUntilUnmuted} is set (no far-future sentinel: a
 * MariaDB TIMESTAMP ends in 2038).
 */
@Entity
@Table(name = "group_members")
@IdClass(GroupMember.Key.class)
class GroupMember extends AssignedKeyEntity<GroupMember.Key> {

    record Key(Long groupId, Long userId) implements Serializable {
    }

    @Id
    @Column(name = "group_id", nullable = false, updatable = false)
    private Long groupId;

    @Id
    @Column(name = "user_id", nullable = false, updatable = false)
    private Long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private GroupRole role;

    @Column(name = "muted_until")
    private Instant mutedUntil;

    @Column(name = "muted_until_unmuted", nullable = false)
    private boolean mutedUntilUnmuted;

    @Column(name = "joined_at", nullable = false, updatable = false)
    private Instant joinedAt;

    protected GroupMember() {
    }

    GroupMember(long groupId, long userId, GroupRole role, Instant now) {
        this.groupId = groupId;
        this.userId = userId;
        this.role = role;
        this.joinedAt = now;
        markNew();
    }

    @Override
    public Key getId() {
        return new Key(groupId, userId);
    }

    long getGroupId() {
        return groupId;
    }

    long getUserId() {
        return userId;
    }

    GroupRole getRole() {
        return role;
    }

    Instant getJoinedAt() {
        return joinedAt;
    }

    /**
     * When the mute ends: null when never muted or lifted, {@link GroupSnapshot.Member#UNTIL_UNMUTED} when it
     * lasts until lifted. A time in the past means the mute is over.
     */
    Instant mutedUntil() {
        return mutedUntilUnmuted ? GroupSnapshot.Member.UNTIL_UNMUTED : mutedUntil;
    }

    boolean isMutedAt(Instant now) {
        Instant until = mutedUntil();
        return until != null && now.isBefore(until);
    }

    /** Mutes until {@code until}, or until lifted when it is null. */
    void mute(Instant until) {
        mutedUntil = until;
        mutedUntilUnmuted = until == null;
    }

    void unmute() {
        mutedUntil = null;
        mutedUntilUnmuted = false;
    }

    void changeRole(GroupRole newRole) {
        role = newRole;
    }
}
