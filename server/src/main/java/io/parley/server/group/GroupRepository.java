package io.parley.server.group;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface GroupRepository extends JpaRepository<ChatGroup, Long> {

    /** Dissolved groups included. */
    Optional<ChatGroup> findByUuid(String uuid);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select g from ChatGroup g where g.uuid = :uuid")
    Optional<ChatGroup> lockByUuid(String uuid);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select g from ChatGroup g where g.id = :id")
    Optional<ChatGroup> lockById(long id);

    Page<ChatGroup> findByNameContainingIgnoreCaseAndDeletedAtIsNull(String name, Pageable pageable);

    @Query("select g from ChatGroup g join GroupMember m on m.groupId = g.id"
            + " where m.userId = :userId and g.deletedAt is null order by g.name, g.id")
    List<ChatGroup> listedFor(long userId);

    /** Dissolved groups included: their history stays readable. */
    @Query("select g.uuid from ChatGroup g join GroupMember m on m.groupId = g.id where m.userId = :userId")
    List<String> uuidsOfGroupsOf(long userId);
}
