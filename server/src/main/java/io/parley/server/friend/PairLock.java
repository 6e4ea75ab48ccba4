package io.parley.server.friend;

import io.parley.server.user.User;
import io.parley.server.web.ApiException;
import io.parley.server.web.ErrorCode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Serialises changes to the relationship between two users by locking both users' rows (lower id first, so
 * two changes to the same pair cannot deadlock). Every write to friend requests, friendships and blocks
 * takes it first, so a check and the write it leads to cannot interleave with another change to the pair:
 * no duplicate pending requests, no accept racing a cancel, no friendship surviving a block.
 *
 * <p>Callers run at READ COMMITTED ({@code @Transactional(isolation = Isolation.READ_COMMITTED)}), so what
 * they read after locking includes everything committed before.
 */
@Component
class PairLock {

    /** The two locked users, in the order they were asked for. */
    record LockedPair(User first, User second) {
    }

    @PersistenceContext
    private EntityManager entityManager;

    LockedPair lock(long firstUserId, long secondUserId) {
        // At MariaDB's default REPEATABLE READ, reads after the lock could still see a snapshot taken before it.
        Integer isolation = TransactionSynchronizationManager.getCurrentTransactionIsolationLevel();
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || isolation == null || isolation != Connection.TRANSACTION_READ_COMMITTED) {
            throw new IllegalStateException("a pair lock needs a READ COMMITTED transaction");
        }
        User lower = lockUser(Math.min(firstUserId, secondUserId));
        User higher = lockUser(Math.max(firstUserId, secondUserId));
        return firstUserId <= secondUserId ? new LockedPair(lower, higher) : new LockedPair(higher, lower);
    }

    /** Locks the request's two users, then re-reads the request: its state now, which no one else can change. */
    LockedPair lockParties(FriendRequest request) {
        LockedPair pair = lock(request.getFromUserId(), request.getToUserId());
        entityManager.refresh(request);
        return pair;
    }

    private User lockUser(long userId) {
        User user = entityManager.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            throw new ApiException(ErrorCode.USER_NOT_FOUND, "The account no longer exists");
        }
        return user;
    }
}
