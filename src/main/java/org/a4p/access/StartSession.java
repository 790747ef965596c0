package org.a4p.access;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Starts a session for a user who has just logged in. Its id is new each time, and the session
 * the browser held before (if any) ends: the id rotation a login needs against session fixation.
 */
public final class StartSession {
    /** {@code previousSessionId} is the id the browser presented before logging in, or null. */
    public record Request(long userId, String previousSessionId) {
        @Override
        public String toString() {
            return "StartSession.Request[userId=" + userId + ", previousSessionId=(withheld)]";
        }
    }

    public sealed interface Result {}

    /** {@code sessionId} is the secret for the cookie: never log it. */
    public record Started(User user, String sessionId) implements Result {
        @Override
        public String toString() {
            return "Started[user=" + user.name() + ", sessionId=(withheld)]";
        }
    }

    /** No such user, or disabled since it logged in. */
    public record Refused(long userId) implements Result {}

    private final Jdbi jdbi;
    private final SessionPolicy policy;
    private final SecurityEvents events;
    private final AccountAudit audit;
    private final Clock clock;

    StartSession(Jdbi jdbi, SessionPolicy policy, SecurityEvents events, AccountAudit audit, Clock clock) {
        this.jdbi = jdbi;
        this.policy = policy;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    public Result run(Request request) {
        Instant now = clock.instant();
        Result result = jdbi.inTransaction(handle -> {
            Optional<User> user = new UserStore(handle).find(request.userId()).filter(User::enabled);
            if (user.isEmpty()) {
                audit.denied(handle, "id:" + request.userId(), "session_start", "unknown_or_disabled_user");
                return new Refused(request.userId());
            }
            SessionStore sessions = new SessionStore(handle);
            if (request.previousSessionId() != null) {
                sessions.delete(Secrets.sha256(request.previousSessionId()));
            }
            sessions.deleteExpired(now.minus(policy.idleTimeout()), now.minus(policy.absoluteTimeout()));
            String sessionId = Secrets.random();
            sessions.insert(Secrets.sha256(sessionId), user.get().id(), now);
            audit.sessionStarted(handle, user.get().name());
            return new Started(user.get(), sessionId);
        });
        if (result instanceof Started started) {
            events.sessionStarted(started.user().name());
        } else {
            events.denied("id:" + request.userId(), "session_start", "unknown_or_disabled_user");
        }
        return result;
    }
}
