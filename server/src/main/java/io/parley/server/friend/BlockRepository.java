package io.parley.server.friend;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface BlockRepository extends JpaRepository<Block, Block.Key> {

    boolean existsByBlockerIdAndBlockedId(long blockerId, long blockedId);

    @Query("select count(b) > 0 from Block b where (b.blockerId = :a and b.blockedId = :b)"
            + " or (b.blockerId = :b and b.blockedId = :a)")
    boolean existsEitherWay(long a, long b);

    List<Block> findByBlockerIdOrderByCreatedAtDesc(long blockerId);

    @Query("select b.blockedId from Block b where b.blockerId = :userId")
    List<Long> blockedBy(long userId);

    @Query("select b.blockerId from Block b where b.blockedId = :userId")
    List<Long> blockersOf(long userId);

    @Modifying
    @Query("delete from Block b where b.blockerId = :blockerId and b.blockedId = :blockedId")
    int deleteBlock(long blockerId, long blockedId);
}
