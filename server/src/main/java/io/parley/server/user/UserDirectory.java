package io.parley.server.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Users by id and by public id, from memory: the message path looks up every sender and recipient, and must
 * not query the database to do it (DESIGN rule 7). Whoever changes a user's name, nickname or avatar calls
 * {@link #invalidate}; unknown ids are not cached, so a user registered a moment ago is found.
 */
@Component
public class UserDirectory {

    private static final int MAX_CACHED_USERS = 200_000;

    private final UserRepository users;
    private final Cache<Long, UserCard> byId = Caffeine.newBuilder().maximumSize(MAX_CACHED_USERS).build();
    private final Cache<String, Long> idByUuid = Caffeine.newBuilder().maximumSize(MAX_CACHED_USERS).build();

    public UserDirectory(UserRepository users) {
        this.users = users;
    }

    public Optional<UserCard> byId(long id) {
        UserCard card = byId.getIfPresent(id);
        if (card != null) {
            return Optional.of(card);
        }
        return users.findById(id).map(this::remember);
    }

    public Optional<UserCard> byUuid(String uuid) {
        Long id = idByUuid.getIfPresent(uuid);
        if (id != null) {
            return byId(id);
        }
        return users.findByUuid(uuid).map(this::remember);
    }

    /**
     * Forgets what is cached of a user whose profile is being changed, once the change commits (forgetting
     * earlier would let a concurrent reader cache the old profile again).
     */
    public void invalidateAfterCommit(long id) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            byId.invalidate(id);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                byId.invalidate(id);
            }
        });
    }

    private UserCard remember(User user) {
        UserCard card = UserCard.of(user);
        byId.put(card.id(), card);
        idByUuid.put(card.uuid(), card.id());
        return card;
    }
}
