package io.parley.server.group;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A user kept out of a group by its owner or an admin, until one of them lifts the ban. */
@Entity
@Table(name = "group_bans")
@IdClass(GroupBan.Key.class)
class GroupBan extends AssignedKeyEntity<GroupBan.Key> {

    record Key(Long groupId, Long userId) implements Serializable {
    }

    @Id
    @Column(name = "group_id", nullable = false, updatable = false)
    private Long groupId;

    @Id
    @Column(name = "user_id", nullable = false, updatable = false)
    private Long userId;

    @Column(name = "banned_by", nullable = false, updatable = false)
    private Long bannedBy;

    @Column(name = "banned_at", nullable = false, updatable = false)
    private Instant bannedAt;

    protected GroupBan() {
    }

    GroupBan(long groupId, long userId, long bannedBy, Instant now) {
        this.groupId = groupId;
        this.userId = userId;
        this.bannedBy = bannedBy;
        this.bannedAt = now;
        markNew();
    }

    @Override
    public Key getId() {
        return new Key(groupId, userId);
    }

    long getUserId() {
        return userId;
    }

    long getBannedBy() {
        return bannedBy;
    }

    Instant getBannedAt() {
        return bannedAt;
    }
}
