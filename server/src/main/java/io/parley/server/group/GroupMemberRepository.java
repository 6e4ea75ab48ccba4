package io.parley.server.group;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface GroupMemberRepository extends JpaRepository<GroupMember, GroupMember.Key> {

    /** How many members a group has. */
    record Count(long groupId, long members) {
    }

    List<GroupMember> findByGroupId(long groupId);

    Optional<GroupMember> findByGroupIdAndUserId(long groupId, long userId);

    List<GroupMember> findByUserIdAndGroupIdIn(long userId, Collection<Long> groupIds);

    @Query("select new io.parley.server.group.GroupMemberRepository$Count(m.groupId, count(m))"
            + " from GroupMember m where m.groupId in :groupIds group by m.groupId")
    List<Count> countMembers(Collection<Long> groupIds);
}
