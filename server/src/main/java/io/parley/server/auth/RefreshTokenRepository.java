package io.parley.server.auth;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RefreshTokenRepository extends JpaRepository<RefreshToken, Long> {

    Optional<RefreshToken> findByTokenHash(String tokenHash);

    /** Revokes every live refresh token of a user except the one with {@code keepHash} (which may be null). */
    @Modifying
    @Query("update RefreshToken t set t.revokedAt = :now where t.userId = :userId and t.revokedAt is null"
            + " and (:keepHash is null or t.tokenHash <> :keepHash)")
    int revokeAllOfUserExcept(Long userId, String keepHash, Instant now);
}
