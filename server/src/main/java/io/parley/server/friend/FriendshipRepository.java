package io.parley.server.friend;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface FriendshipRepository extends JpaRepository<Friendship, Friendship.Key> {

    boolean existsByUserIdAndFriendId(long userId, long friendId);

    List<Friendship> findByUserId(long userId);

    @Query("select f.friendId from Friendship f where f.userId = :userId")
    List<Long> friendIdsOf(long userId);

    /** Ends the friendship in both directions; returns the number of rows removed (0 or 2). */
    @Modifying
    @Query("delete from Friendship f where (f.userId = :a and f.friendId = :b) or (f.userId = :b and f.friendId = :a)")
    int deletePair(long a, long b);
}
