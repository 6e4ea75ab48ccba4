package io.parley.server.friend;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface FriendRequestRepository extends JpaRepository<FriendRequest, Long> {

    Optional<FriendRequest> findFirstByFromUserIdAndToUserIdAndStatus(long fromUserId, long toUserId,
            FriendRequest.Status status);

    List<FriendRequest> findByToUserIdAndStatusOrderByCreatedAtDescIdDesc(long toUserId, FriendRequest.Status status);

    List<FriendRequest> findByFromUserIdAndStatusOrderByCreatedAtDescIdDesc(long fromUserId, FriendRequest.Status status);

    @Modifying
    @Query("update FriendRequest r set r.status = io.parley.server.friend.FriendRequest.Status.CANCELLED,"
            + " r.answeredAt = :now where r.status = io.parley.server.friend.FriendRequest.Status.PENDING"
            + " and ((r.fromUserId = :a and r.toUserId = :b) or (r.fromUserId = :b and r.toUserId = :a))")
    int cancelPendingBetween(long a, long b, Instant now);
}
