package org.a4p.access;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.a4p.audit.AuditEvent;
import org.a4p.audit.AuditTrail;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The accounts' entries on the audit trail, one beside each {@link SecurityEvents} line. A change is
 * appended in the transaction that makes it (called last before its commit), a login in the
 * transaction that counts its failures, a denial outside any in a short transaction of its own.
 * Names, roles, counts and a token's public prefix only: never a password, token, session id or hash.
 */
final class AccountAudit {
    private static final String ANONYMOUS = "anonymous";

    private final Jdbi jdbi;
    private final AuditTrail trail;

    AccountAudit(Jdbi jdbi, AuditTrail trail) {
        this.jdbi = jdbi;
        this.trail = trail;
    }

    void userAdded(Handle handle, String actor, User user) {
        append(handle, actor, "user.add", user.name(), null,
                map("user", user.name(), "role", user.role().code(), "missions", user.missions(), "enabled", user.enabled()));
    }

    void userDisabled(Handle handle, String actor, User user, int sessionsEnded) {
        append(handle, actor, "user.disable", user.name(), map("enabled", user.enabled()),
                map("enabled", false, "sessions_ended", sessionsEnded));
    }

    void userUnlocked(Handle handle, String actor, String name, int failedLogins, Instant lockedUntil) {
        append(handle, actor, "user.unlock", name, map("failed_logins", failedLogins, "locked_until", text(lockedUntil)),
                map("failed_logins", 0, "locked_until", null));
    }

    void passwordReset(Handle handle, String actor, String name, int sessionsEnded) {
        append(handle, actor, "user.reset_password", name, null,
                map("password", "changed", "failed_logins", 0, "locked_until", null, "sessions_ended", sessionsEnded));
    }

    void tokenIssued(Handle handle, String actor, String name, String prefix, Instant expiresAt) {
        append(handle, actor, "token.issue", name, null, map("token_prefix", prefix, "expires_at", text(expiresAt)));
    }

    void tokensRevoked(Handle handle, String actor, String name, int count) {
        append(handle, actor, "token.revoke_all", name, null, map("tokens_revoked", count));
    }

    void loginSucceeded(Handle handle, String name) {
        append(handle, name, "login.success", name, null, null);
    }

    /** {@code name} as typed, which may be no user's. */
    void loginFailed(Handle handle, String name, String reason, int failures) {
        append(handle, name, "login.failure", name, null, map("reason", reason, "failures", failures));
    }

    void lockedOut(Handle handle, String name, int failures, Instant until) {
        append(handle, name, "login.lockout", name, null, map("failures", failures, "locked_until", text(until)));
    }

    /** A denial found within a transaction (a locked account, an unknown or expired token or session). */
    void denied(Handle handle, String name, String action, String reason) {
        trail.append(handle.getConnection(), deniedEvent(name, action, reason));
    }

    /** A denial outside any transaction: an edge refusing a route, a malformed token. */
    void denied(String name, String action, String reason) {
        jdbi.useTransaction(handle -> trail.append(handle.getConnection(), deniedEvent(name, action, reason)));
    }

    void sessionStarted(Handle handle, String name) {
        append(handle, name, "session.start", name, null, null);
    }

    void sessionEnded(Handle handle, String name, String reason) {
        append(handle, name, "session.end", name, null, map("reason", reason));
    }

    private static AuditEvent deniedEvent(String name, String action, String reason) {
        return AuditEvent.of(actor(name), "request.denied", action == null || action.isBlank() ? "-" : bounded(action), null, map("reason", reason));
    }

    private void append(Handle handle, String actor, String action, String user, Map<String, ?> before, Map<String, ?> after) {
        trail.append(handle.getConnection(), AuditEvent.of(actor(actor), action, "user:" + SecurityEvents.safe(user), before, after));
    }

    /** A name as given, made safe; none (a login with an empty name, say) is anonymous. */
    private static String actor(String name) {
        return name == null || name.isBlank() ? ANONYMOUS : SecurityEvents.safe(name);
    }

    /** The edge's words for what was refused (a route like GET:/api/v1/users): no control characters, 200 at most. */
    private static String bounded(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 200 ? clean.substring(0, 200) + "..." : clean;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** A map in the given order that, unlike Map.of, takes null values. */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }
}
