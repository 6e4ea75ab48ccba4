package io.parley.server.friend;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** {@code blockerId} has blocked {@code blockedId}. */
@Entity
@Table(name = "blocks")
@IdClass(Block.Key.class)
class Block {

    record Key(Long blockerId, Long blockedId) implements Serializable {
    }

    @Id
    @Column(name = "blocker_id", nullable = false, updatable = false)
    private Long blockerId;

    @Id
    @Column(name = "blocked_id", nullable = false, updatable = false)
    private Long blockedId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Block() {
    }

    Block(long blockerId, long blockedId, Instant now) {
        this.blockerId = blockerId;
        this.blockedId = blockedId;
        this.createdAt = now;
    }

    long getBlockedId() {
        return blockedId;
    }
}
