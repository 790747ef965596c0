package org.a4p.access;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.StatementExceptions;

/** All SQL on {@code api_token}, within the caller's transaction. Tokens are looked up by their SHA-256 only. */
final class TokenStore {
    /** A stored token: never the token itself. */
    record TokenRow(long id, long userId, String prefix, Instant expiresAt, Instant revokedAt) {}

    record Count(long userId, int tokens) {}

    private final Handle handle;

    TokenStore(Handle handle) {
        this.handle = handle;
        // A failed statement's message would otherwise list its arguments: hashes, for one.
        handle.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
        handle.registerRowMapper(ConstructorMapper.factory(TokenRow.class));
        handle.registerRowMapper(ConstructorMapper.factory(Count.class));
    }

    void insert(long userId, String prefix, String tokenSha256, Instant createdAt, Instant expiresAt) {
        handle.createUpdate("""
                        INSERT INTO api_token (user_id, prefix, token_sha256, created_at, expires_at)
                        VALUES (:user, :prefix, :sha, :created, :expires)""")
                .bind("user", userId).bind("prefix", prefix).bind("sha", tokenSha256)
                .bind("created", createdAt).bind("expires", expiresAt).execute();
    }

    Optional<TokenRow> find(String tokenSha256) {
        return handle.createQuery("SELECT id, user_id, prefix, expires_at, revoked_at FROM api_token WHERE token_sha256 = :sha")
                .bind("sha", tokenSha256).mapTo(TokenRow.class).findOne();
    }

    /** Revokes the user's tokens that are not revoked yet; returns how many. */
    int revokeAll(long userId, Instant now) {
        return handle.createUpdate("UPDATE api_token SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL")
                .bind("now", now).bind("user", userId).execute();
    }

    /** Per user id, the tokens neither revoked nor expired; users without any are absent. */
    Map<Long, Integer> activeCounts(Instant now) {
        Map<Long, Integer> counts = new HashMap<>();
        handle.createQuery("""
                        SELECT user_id, COUNT(*) AS tokens FROM api_token
                        WHERE revoked_at IS NULL AND expires_at > :now GROUP BY user_id""")
                .bind("now", now).mapTo(Count.class).forEach(count -> counts.put(count.userId(), count.tokens()));
        return counts;
    }
}
