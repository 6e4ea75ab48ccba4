package io.parley.server.group;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * An entity whose key is assigned, not generated (a member, a ban: a group and a user). Spring Data would ask
 * the database whether such a row exists before every save; a new one is inserted without asking instead.
 */
@MappedSuperclass
abstract class AssignedKeyEntity<K> implements Persistable<K> {

    @Transient
    private boolean isNew;

    /** For the constructor that makes a new row; a row read from the database is not new. */
    protected final void markNew() {
        isNew = true;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostPersist
    void persisted() {
        isNew = false;
    }
}
