package io.parley.server.group;

import java.sql.Connection;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Serialises changes to one group by locking its row first. Every change to a group's settings, members,
 * requests or invitations takes it, so a check and the write it leads to cannot interleave with another
 * change: two joins racing for the last place cannot both get it, an approve cannot race a reject.
 *
 * <p>Callers run at READ COMMITTED ({@code @Transactional(isolation = Isolation.READ_COMMITTED)}), so what
 * they read after locking includes everything committed before.
 */
@Component
class GroupLock {

    private final GroupRepository groups;
    private final GroupMemberRepository members;

    GroupLock(GroupRepository groups, GroupMemberRepository members) {
        this.groups = groups;
        this.members = members;
    }

    /** Locks a group that is not dissolved, and reads its members; 404 GROUP_NOT_FOUND otherwise. */
    LockedGroup lock(String groupUuid) {
        checkTransaction();
        return withMembers(groups.lockByUuid(groupUuid));
    }

    LockedGroup lock(long groupId) {
        checkTransaction();
        return withMembers(groups.lockById(groupId));
    }

    private LockedGroup withMembers(Optional<ChatGroup> locked) {
        ChatGroup group = locked.filter(g -> !g.isDissolved()).orElseThrow(GroupRefusals::notFound);
        return new LockedGroup(group, members.findByGroupId(group.getId()));
    }

    private static void checkTransaction() {
        // At MariaDB's default REPEATABLE READ, reads after the lock could still see a snapshot taken before it.
        Integer isolation = TransactionSynchronizationManager.getCurrentTransactionIsolationLevel();
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || isolation == null || isolation != Connection.TRANSACTION_READ_COMMITTED) {
            throw new IllegalStateException("a group lock needs a READ COMMITTED transaction");
        }
    }
}
