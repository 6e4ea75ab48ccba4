package io.parley.server.friend;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One direction of a friendship: every friendship is two rows, (a, b) and (b, a). */
@Entity
@Table(name = "friendships")
@IdClass(Friendship.Key.class)
class Friendship {

    record Key(Long userId, Long friendId) implements Serializable {
    }

    @Id
    @Column(name = "user_id", nullable = false, updatable = false)
    private Long userId;

    @Id
    @Column(name = "friend_id", nullable = false, updatable = false)
    private Long friendId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Friendship() {
    }

    Friendship(long userId, long friendId, Instant now) {
        this.userId = userId;
        this.friendId = friendId;
        this.createdAt = now;
    }

    long getFriendId() {
        return friendId;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
