package org.a4p.access;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Finds the user of a session and marks it used; a session idle too long, or too old, ends instead. */
public final class TouchSession {
    public record Request(String sessionId) {
        @Override
        public String toString() {
            return "TouchSession.Request[sessionId=(withheld)]";
        }
    }

    public sealed interface Result {}

    public record Active(User user) implements Result {}

    public enum Timeout { IDLE, ABSOLUTE }

    /** The session ended by itself; the user must log in again. */
    public record Expired(Timeout timeout) implements Result {}

    /** No such session: never started, ended, or its user disabled. */
    public record Unknown() implements Result {}

    private final Jdbi jdbi;
    private final SessionPolicy policy;
    private final SecurityEvents events;
    private final AccountAudit audit;
    private final Clock clock;

    TouchSession(Jdbi jdbi, SessionPolicy policy, SecurityEvents events, AccountAudit audit, Clock clock) {
        this.jdbi = jdbi;
        this.policy = policy;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    public Result run(Request request) {
        if (request.sessionId() == null) {
            return new Unknown();
        }
        String sha = Secrets.sha256(request.sessionId());
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            SessionStore sessions = new SessionStore(handle);
            Optional<SessionStore.SessionRow> session = sessions.find(sha);
            if (session.isEmpty()) {
                events.denied(null, "session", "unknown");
                audit.denied(handle, null, "session", "unknown");
                return new Unknown();
            }
            User user = new UserStore(handle).find(session.get().userId()).orElseThrow();
            Timeout timeout = !now.isBefore(session.get().startedAt().plus(policy.absoluteTimeout())) ? Timeout.ABSOLUTE
                    : !now.isBefore(session.get().lastSeenAt().plus(policy.idleTimeout())) ? Timeout.IDLE : null;
            if (timeout != null || !user.enabled()) {
                sessions.delete(sha);
                String reason = timeout == null ? "user_disabled" : timeout == Timeout.IDLE ? "idle_timeout" : "absolute_timeout";
                events.sessionEnded(user.name(), reason);
                audit.sessionEnded(handle, user.name(), reason);
                return timeout == null ? new Unknown() : new Expired(timeout);
            }
            sessions.touch(sha, now);
            return new Active(user);
        });
    }
}
