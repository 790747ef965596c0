package org.a4p.access;

import org.jdbi.v3.core.Jdbi;

/** Ends a session at logout. */
public final class EndSession {
    public record Request(String sessionId) {
        @Override
        public String toString() {
            return "EndSession.Request[sessionId=(withheld)]";
        }
    }

    public sealed interface Result {}

    public record Ended(String name) implements Result {}

    /** Already ended, timed out or never started: nothing to do. */
    public record Unknown() implements Result {}

    private final Jdbi jdbi;
    private final SecurityEvents events;
    private final AccountAudit audit;

    EndSession(Jdbi jdbi, SecurityEvents events, AccountAudit audit) {
        this.jdbi = jdbi;
        this.events = events;
        this.audit = audit;
    }

    public Result run(Request request) {
        if (request.sessionId() == null) {
            return new Unknown();
        }
        String sha = Secrets.sha256(request.sessionId());
        Result result = jdbi.inTransaction(handle -> {
            SessionStore sessions = new SessionStore(handle);
            return sessions.find(sha).flatMap(session -> new UserStore(handle).find(session.userId()))
                    .map(user -> {
                        sessions.delete(sha);
                        audit.sessionEnded(handle, user.name(), "logout");
                        return (Result) new Ended(user.name());
                    })
                    .orElseGet(Unknown::new);
        });
        if (result instanceof Ended ended) {
            events.sessionEnded(ended.name(), "logout");
        }
        return result;
    }
}
