package org.a4p.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;

/**
 * Appends to the tamper-evident audit trail: append-only entries, each chained to the one before by
 * a SHA-256 hash, so that {@link VerifyAudit} finds any entry edited, deleted, inserted or reordered.
 *
 * <p>An append reads the chain's head {@code FOR UPDATE} in the caller's transaction, so appends of
 * every app instance on one database queue up and the chain never forks; the head stays locked until
 * that transaction ends. <b>Append as the last step before commit</b>, after the slow work, so the
 * lock is held for milliseconds. A transaction that rolls back leaves no entry.
 *
 * <p>The hash of entry {@code seq} is the lower-case hex SHA-256 of the UTF-8 bytes of
 * {@code prev_hash + canonical}, where {@code prev_hash} is the previous entry's hash (64 zeros for
 * entry 1) and {@code canonical} is this JSON, with no whitespace, keys in this (sorted) order:
 * <pre>{"action":"user.add","actor":"cli:root","after":{"missions":[],"role":"admin","user":"ana"},
 * "at":"2026-11-30T10:00:00.000Z","before":null,"seq":1,"target":"user:ana"}</pre>
 * <ul>
 *   <li>{@code at}: UTC, always 3 decimals of seconds (times are kept to the millisecond);
 *   <li>{@code before}, {@code after}: the stored {@code before_json}, {@code after_json} (SQL NULL is
 *       {@code null}), themselves canonical: object keys sorted by UTF-16 code units, no whitespace;
 *   <li>strings: {@code "} and {@code \} escaped with a backslash, U+0000 to U+001F as &#92;u00XX
 *       (lower-case hex), every other character as itself;
 *   <li>numbers: plain decimals, no exponent, no trailing zeros after the point, {@code 0} for zero
 *       ({@code 1.50} is {@code 1.5}, {@code 1e3} is {@code 1000}); {@code seq} as digits.
 * </ul>
 * Table {@code audit_head} holds the last entry's seq and hash.
 */
public final class AuditTrail {
    private final Clock clock;

    /** {@code clock} stamps the entries (to the millisecond). */
    public AuditTrail(Clock clock) {
        this.clock = clock;
    }

    /**
     * Appends {@code event} within the caller's transaction on {@code connection} (auto-commit off);
     * the caller commits. Call it last before the commit: the chain is locked from here to the commit.
     * A database failure is an {@link AuditException}; the caller's transaction should then roll back.
     */
    public AuditEntry append(Connection connection, AuditEvent event) {
        try {
            return appendOrThrow(connection, event);
        } catch (SQLException e) {
            throw new AuditException("cannot append to the audit trail: " + e.getMessage(), e);
        }
    }

    private AuditEntry appendOrThrow(Connection connection, AuditEvent event) throws SQLException {
        AuditStore store = new AuditStore(connection);
        AuditEntry.Head head = store.lockHead();
        long seq = head.seq() + 1;
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String hash = CanonicalForm.hash(head.entryHash(),
                CanonicalForm.of(seq, at, event.actor(), event.action(), event.target(), event.before(), event.after()));
        AuditEntry entry = new AuditEntry(seq, at, event.actor(), event.action(), event.target(), event.before(), event.after(),
                head.entryHash(), hash);
        store.insert(entry);
        store.moveHead(new AuditEntry.Head(seq, hash));
        return entry;
    }

    /** Appends an event that is not part of a change (a failed login, a denied request) in a transaction of its own. */
    public AuditEntry append(DataSource dataSource, AuditEvent event) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                AuditEntry entry = appendOrThrow(connection, event);
                connection.commit();
                return entry;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new AuditException("cannot append to the audit trail: " + e.getMessage(), e);
        }
    }
}
