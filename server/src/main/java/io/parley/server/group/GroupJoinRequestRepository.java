package io.parley.server.group;

import io.parley.server.group.GroupJoinRequest.Kind;
import io.parley.server.group.GroupJoinRequest.Status;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface GroupJoinRequestRepository extends JpaRepository<GroupJoinRequest, Long> {

    Optional<GroupJoinRequest> findFirstByGroupIdAndUserIdAndKindAndStatus(long groupId, long userId, Kind kind,
            Status status);

    List<GroupJoinRequest> findByGroupIdAndKindAndStatusOrderByCreatedAtAscIdAsc(long groupId, Kind kind, Status status);

    @Query("select r from GroupJoinRequest r, ChatGroup g where r.groupId = g.id and g.deletedAt is null"
            + " and r.userId = :userId and r.kind = :kind and r.status = :status order by r.createdAt desc, r.id desc")
    List<GroupJoinRequest> pendingFor(long userId, Kind kind, Status status);

    /** Withdraws the user's pending requests and invitations to the group, except {@code keepId}. */
    @Modifying
    @Query("update GroupJoinRequest r set r.status = io.parley.server.group.GroupJoinRequest.Status.CANCELLED,"
            + " r.answeredAt = :now where r.groupId = :groupId and r.userId = :userId and r.id <> :keepId"
            + " and r.status = io.parley.server.group.GroupJoinRequest.Status.PENDING")
    int cancelPendingOf(long groupId, long userId, long keepId, Instant now);

    /** Withdraws every pending request and invitation to the group (it was dissolved). */
    @Modifying
    @Query("update GroupJoinRequest r set r.status = io.parley.server.group.GroupJoinRequest.Status.CANCELLED,"
            + " r.answeredAt = :now where r.groupId = :groupId"
            + " and r.status = io.parley.server.group.GroupJoinRequest.Status.PENDING")
    int cancelAllPending(long groupId, Instant now);
}
