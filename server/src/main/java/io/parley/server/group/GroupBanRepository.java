package io.parley.server.group;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface GroupBanRepository extends JpaRepository<GroupBan, GroupBan.Key> {

    List<GroupBan> findByGroupIdOrderByBannedAtDescUserIdDesc(long groupId);

    default boolean isBanned(long groupId, long userId) {
        return existsById(new GroupBan.Key(groupId, userId));
    }
}
