package org.a4p.access;

import java.time.Clock;
import java.util.Optional;
import org.a4p.app.Failure;
import org.jdbi.v3.core.Jdbi;

/** Revokes every API token of a user at once. */
public final class RevokeTokens {
    public record Request(String actor, String name) {}

    public sealed interface Result {}

    public record Revoked(String name, int tokens) implements Result {}

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

    RevokeTokens(Jdbi jdbi, SecurityEvents events, AccountAudit audit, Clock clock) {
        this.jdbi = jdbi;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    public Result run(Request request) {
        Result result = jdbi.inTransaction(handle -> {
            Optional<User> user = new UserStore(handle).find(request.name());
            if (user.isEmpty()) {
                return new UnknownUser(request.name());
            }
            int revoked = new TokenStore(handle).revokeAll(user.get().id(), clock.instant());
            audit.tokensRevoked(handle, request.actor(), request.name(), revoked);
            return new Revoked(request.name(), revoked);
        });
        if (result instanceof Revoked revoked) {
            events.tokensRevoked(request.actor(), revoked.name(), revoked.tokens());
        }
        return result;
    }
}
