package io.parley.server.group;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A way into a group: a user's REQUEST to join an APPROVAL group, or an INVITATION from a member. Answered
 * ones are kept as history.
 */
@Entity
@Table(name = "group_join_requests")
class GroupJoinRequest {

    enum Kind { REQUEST, INVITATION }

    enum Status { PENDING, APPROVED, REJECTED, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "group_id", nullable = false, updatable = false)
    private Long groupId;

    /** Who would join: the requester, or the invitee. */
    @Column(name = "user_id", nullable = false, updatable = false)
    private Long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private Kind kind;

    @Column(name = "invited_by", updatable = false)
    private Long invitedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    protected GroupJoinRequest() {
    }

    private GroupJoinRequest(long groupId, long userId, Kind kind, Long invitedBy, Instant now) {
        this.groupId = groupId;
        this.userId = userId;
        this.kind = kind;
        this.invitedBy = invitedBy;
        this.status = Status.PENDING;
        this.createdAt = now;
    }

    static GroupJoinRequest request(long groupId, long userId, Instant now) {
        return new GroupJoinRequest(groupId, userId, Kind.REQUEST, null, now);
    }

    static GroupJoinRequest invitation(long groupId, long inviteeId, long inviterId, Instant now) {
        return new GroupJoinRequest(groupId, inviteeId, Kind.INVITATION, inviterId, now);
    }

    long getId() {
        return id;
    }

    long getGroupId() {
        return groupId;
    }

    long getUserId() {
        return userId;
    }

    Kind getKind() {
        return kind;
    }

    Long getInvitedBy() {
        return invitedBy;
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
            throw new IllegalStateException("join request " + id + " is " + status + ", cannot become " + outcome);
        }
        status = outcome;
        answeredAt = now;
    }
}
