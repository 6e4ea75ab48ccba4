package io.parley.server.group;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a group change in a READ COMMITTED transaction (as {@link GroupLock} needs), for changes that first
 * ask {@code FriendGraph}: on a miss it loads on a connection of its own, and asking while holding a
 * connection could exhaust the pool under load.
 */
@Component
class GroupTransactions {

    private final TransactionTemplate template;

    GroupTransactions(PlatformTransactionManager transactionManager) {
        this.template = new TransactionTemplate(transactionManager);
        this.template.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    <T> T inTransaction(Supplier<T> change) {
        return template.execute(status -> change.get());
    }
}
