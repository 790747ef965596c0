package org.a4p.access;

import java.util.Optional;
import org.a4p.app.Failure;
import org.jdbi.v3.core.Jdbi;

/** Lifts a lock from failed logins before it expires, and forgets the failures. */
public final class UnlockUser {
    public record Request(String actor, String name) {}

    public sealed interface Result {}

    public record Unlocked(String name) implements Result {}

    public record UnknownUser(String name) implements Result, Refusal {
        @Override
        public Failure failure() {
            return Failure.notFound("no user named '" + name + "'");
        }
    }

    private final Jdbi jdbi;
    private final SecurityEvents events;
    private final AccountAudit audit;

    UnlockUser(Jdbi jdbi, SecurityEvents events, AccountAudit audit) {
        this.jdbi = jdbi;
        this.events = events;
        this.audit = audit;
    }

    public Result run(Request request) {
        Result result = jdbi.inTransaction(handle -> {
            UserStore users = new UserStore(handle);
            Optional<UserStore.Credentials> user = users.credentialsForUpdate(request.name());
            if (user.isEmpty()) {
                return new UnknownUser(request.name());
            }
            users.clearFailures(user.get().id());
            audit.userUnlocked(handle, request.actor(), request.name(), user.get().failedLogins(), user.get().lockedUntil());
            return new Unlocked(request.name());
        });
        if (result instanceof Unlocked) {
            events.userUnlocked(request.actor(), request.name());
        }
        return result;
    }
}
