package io.parley.server.friend;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One friend request and how it ended. Answered requests are kept as history. */
@Entity
@Table(name = "friend_requests")
class FriendRequest {

    enum Status { PENDING, ACCEPTED, REJECTED, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "from_user_id", nullable = false, updatable = false)
    private Long fromUserId;

    @Column(name = "to_user_id", nullable = false, updatable = false)
    private Long toUserId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    protected FriendRequest() {
    }

    FriendRequest(long fromUserId, long toUserId, Instant now) {
        this.fromUserId = fromUserId;
        this.toUserId = toUserId;
        this.status = Status.PENDING;
        this.createdAt = now;
    }

    Long getId() {
        return id;
    }

    long getFromUserId() {
        return fromUserId;
    }

    long getToUserId() {
        return toUserId;
    }

    Status getStatus() {
        return status;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    boolean isPending() {
        return status == Status.PENDING;
    }

    /** Moves a pending request to its final status; callers check {@link #isPending()} first. */
    void answer(Status outcome, Instant now) {
        if (!isPending() || outcome == Status.PENDING) {
            throw new IllegalStateException("request " + id + " is " + status + ", cannot become " + outcome);
        }
        this.status = outcome;
        this.answeredAt = now;
    }
}
