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

    UnlockUser(Jdbi jdbi, SecurityEvents events) {
        this.jdbi = jdbi;
        this.events = events;
    }

    public Result run(Request request) {
        Result result = jdbi.inTransaction(handle -> {
            UserStore users = new UserStore(handle);
            Optional<User> user = users.find(request.name());
            if (user.isEmpty()) {
                return new UnknownUser(request.name());
            }
            users.clearFailures(user.get().id());
            return new Unlocked(request.name());
        });
        if (result instanceof Unlocked) {
            events.userUnlocked(request.actor(), request.name());
        }
        return result;
    }
}
