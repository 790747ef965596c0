package org.a4p.access;

import java.time.Clock;
import java.util.Optional;
import org.a4p.app.Failure;
import org.jdbi.v3.core.Jdbi;

/** Disables an account and ends its sessions; its tokens stop working while it is disabled. */
public final class DisableUser {
    public record Request(String actor, String name) {}

    public sealed interface Result {}

    public record Disabled(String name, int sessionsEnded) implements Result {}

    public record UnknownUser(String name) implements Result, Refusal {
        @Override
        public Failure failure() {
            return Failure.notFound("no user named '" + name + "'");
        }
    }

    private final Jdbi jdbi;
    private final SecurityEvents events;
    private final AccountAudit audit;
    private final Clock clock;

    DisableUser(Jdbi jdbi, SecurityEvents events, AccountAudit audit, Clock clock) {
        this.jdbi = jdbi;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    public Result run(Request request) {
        Result result = jdbi.inTransaction(handle -> {
            UserStore users = new UserStore(handle);
            Optional<User> user = users.find(request.name());
            if (user.isEmpty()) {
                return new UnknownUser(request.name());
            }
            users.disable(user.get().id(), clock.instant());
            int sessionsEnded = new SessionStore(handle).deleteAllOf(user.get().id());
            audit.userDisabled(handle, request.actor(), user.get(), sessionsEnded);
            return new Disabled(request.name(), sessionsEnded);
        });
        if (result instanceof Disabled disabled) {
            events.userDisabled(request.actor(), disabled.name(), disabled.sessionsEnded());
        }
        return result;
    }
}
