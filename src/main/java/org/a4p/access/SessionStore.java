package org.a4p.access;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.StatementExceptions;

/** All SQL on {@code user_session}, within the caller's transaction. Sessions are looked up by the SHA-256 of their id. */
final class SessionStore {
    record SessionRow(long userId, Instant startedAt, Instant lastSeenAt) {}

    private final Handle handle;

    SessionStore(Handle handle) {
        this.handle = handle;
        // A failed statement's message would otherwise list its arguments: hashes, for one.
        handle.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
        handle.registerRowMapper(ConstructorMapper.factory(SessionRow.class));
    }

    void insert(String sessionSha256, long userId, Instant now) {
        handle.createUpdate("INSERT INTO user_session (session_sha256, user_id, started_at, last_seen_at) VALUES (:sha, :user, :now, :now)")
                .bind("sha", sessionSha256).bind("user", userId).bind("now", now).execute();
    }

    Optional<SessionRow> find(String sessionSha256) {
        return handle.createQuery("SELECT user_id, started_at, last_seen_at FROM user_session WHERE session_sha256 = :sha")
                .bind("sha", sessionSha256).mapTo(SessionRow.class).findOne();
    }

    void touch(String sessionSha256, Instant now) {
        handle.createUpdate("UPDATE user_session SET last_seen_at = :now WHERE session_sha256 = :sha")
                .bind("now", now).bind("sha", sessionSha256).execute();
    }

    boolean delete(String sessionSha256) {
        return handle.createUpdate("DELETE FROM user_session WHERE session_sha256 = :sha").bind("sha", sessionSha256).execute() > 0;
    }

    /** Ends every session of the user; returns how many there were. */
    int deleteAllOf(long userId) {
        return handle.createUpdate("DELETE FROM user_session WHERE user_id = :user").bind("user", userId).execute();
    }

    /** Removes the sessions that timed out unnoticed (their browser never came back). */
    int deleteExpired(Instant lastSeenBefore, Instant startedBefore) {
        return handle.createUpdate("DELETE FROM user_session WHERE last_seen_at <= :seen OR started_at <= :started")
                .bind("seen", lastSeenBefore).bind("started", startedBefore).execute();
    }
}
