package org.a4p.access;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every security event of the accounts, in one place, as one log line of {@code key=value}
 * pairs: logins, failures, lockouts, denied requests and account changes. Names and outcomes
 * only: no password, token or session id is ever given to it (a token's public prefix is).
 */
final class SecurityEvents {
    private static final Logger LOG = LoggerFactory.getLogger(SecurityEvents.class);
    private static final int MAX_NAME = 64;

    void userAdded(String actor, User user) {
        LOG.info("event=user_added user={} role={} missions={} by={}", safe(user.name()), user.role().code(),
                String.join(",", user.missions()), safe(actor));
    }

    void userDisabled(String actor, String name, int sessionsEnded) {
        LOG.info("event=user_disabled user={} sessions_ended={} by={}", safe(name), sessionsEnded, safe(actor));
    }

    void userUnlocked(String actor, String name) {
        LOG.info("event=user_unlocked user={} by={}", safe(name), safe(actor));
    }

    void passwordReset(String actor, String name, int sessionsEnded) {
        LOG.info("event=password_reset user={} sessions_ended={} by={}", safe(name), sessionsEnded, safe(actor));
    }

    void tokenIssued(String actor, String name, String prefix, Instant expiresAt) {
        LOG.info("event=token_issued user={} token={} expires={} by={}", safe(name), prefix, expiresAt, safe(actor));
    }

    void tokensRevoked(String actor, String name, int count) {
        LOG.info("event=tokens_revoked user={} count={} by={}", safe(name), count, safe(actor));
    }

    void loginSucceeded(String name) {
        LOG.info("event=login user={} outcome=success", safe(name));
    }

    void loginFailed(String name, String reason, int failures) {
        LOG.warn("event=login user={} outcome=failure reason={} failures={}", safe(name), reason, failures);
    }

    void lockedOut(String name, int failures, Instant until) {
        LOG.warn("event=lockout user={} failures={} locked_until={}", safe(name), failures, until);
    }

    /** A request refused without checking its secret: a locked account, an unknown or expired token or session. */
    void denied(String name, String action, String reason) {
        LOG.warn("event=denied user={} action={} reason={}", safe(name), action, reason);
    }

    void sessionStarted(String name) {
        LOG.info("event=session_started user={}", safe(name));
    }

    void sessionEnded(String name, String reason) {
        LOG.info("event=session_ended user={} reason={}", safe(name), reason);
    }

    /** A name as typed at a login may hold anything: no line breaks or control characters reach the log. */
    static String safe(String name) {
        if (name == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(MAX_NAME).forEach(c -> out.appendCodePoint(
                Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || c == ' ' ? '?' : c));
        return name.codePointCount(0, name.length()) > MAX_NAME ? out + "..." : out.toString();
    }
}
