package org.a4p.access;

import java.time.Clock;
import java.util.Optional;
import org.a4p.app.Failure;
import org.jdbi.v3.core.Jdbi;

/** Sets a new password, lifts any lock and ends every session of the user. */
public final class ResetPassword {
    public record Request(String actor, String name, String password) {
        @Override
        public String toString() {
            return "ResetPassword.Request[actor=" + actor + ", name=" + name + ", password=(withheld)]";
        }
    }

    public sealed interface Result {}

    public record Reset(String name, int sessionsEnded) implements Result {}

    public record UnknownUser(String name) implements Result, Refusal {
        @Override
        public Failure failure() {
            return Failure.notFound("no user named '" + name + "'");
        }
    }

    public record WeakPassword(String reason) implements Result, Refusal {
        @Override
        public Failure failure() {
            return new Failure(Failure.Kind.REJECTED, reason);
        }
    }

    private final Jdbi jdbi;
    private final PasswordHasher hasher;
    private final SecurityEvents events;
    private final AccountAudit audit;
    private final Clock clock;

    ResetPassword(Jdbi jdbi, PasswordHasher hasher, SecurityEvents events, AccountAudit audit, Clock clock) {
        this.jdbi = jdbi;
        this.hasher = hasher;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    public Result run(Request request) {
        Optional<String> weak = PasswordPolicy.problem(request.password());
        if (weak.isPresent()) {
            return new WeakPassword(weak.get());
        }
        String hash = hasher.hash(request.password());
        Result result = jdbi.inTransaction(handle -> {
            UserStore users = new UserStore(handle);
            Optional<User> user = users.find(request.name());
            if (user.isEmpty()) {
                return new UnknownUser(request.name());
            }
            users.setPassword(user.get().id(), hash, clock.instant());
            int sessionsEnded = new SessionStore(handle).deleteAllOf(user.get().id());
            audit.passwordReset(handle, request.actor(), request.name(), sessionsEnded);
            return new Reset(request.name(), sessionsEnded);
        });
        if (result instanceof Reset reset) {
            events.passwordReset(request.actor(), reset.name(), reset.sessionsEnded());
        }
        return result;
    }
}
