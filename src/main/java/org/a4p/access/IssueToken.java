package org.a4p.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.a4p.app.Failure;
import org.jdbi.v3.core.Jdbi;

/** Issues an API token for a system that submits as this user; the token is in the result once and stored only hashed. */
public final class IssueToken {
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(90);
    public static final Duration MAX_VALIDITY = Duration.ofDays(366);

    public record Request(String actor, String name, Duration validity) {}

    public sealed interface Result {}

    /** {@code token} is the secret: show it once, never log it. */
    public record Issued(String name, String token, String prefix, Instant expiresAt) implements Result {
        @Override
        public String toString() {
            return "Issued[name=" + name + ", prefix=" + prefix + ", expiresAt=" + expiresAt + ", token=(withheld)]";
        }
    }

    public record UnknownUser(String name) implements Result, Refusal {
        @Override
        public Failure failure() {
            return Failure.notFound("no user named '" + name + "'");
        }
    }

    public record UserDisabled(String name) implements Result, Refusal {
        @Override
        public Failure failure() {
            return new Failure(Failure.Kind.CONFLICT, "user '" + name + "' is disabled: no token issued");
        }
    }

    /** A validity that is not positive or exceeds {@link #MAX_VALIDITY}. */
    public record InvalidValidity(Duration validity) implements Result, Refusal {
        @Override
        public Failure failure() {
            return Failure.invalid("a token is valid for 1 to " + MAX_VALIDITY.toDays() + " days, not " + validity.toDays());
        }
    }

    private final Jdbi jdbi;
    private final SecurityEvents events;
    private final AccountAudit audit;
    private final Clock clock;

    IssueToken(Jdbi jdbi, SecurityEvents events, AccountAudit audit, Clock clock) {
        this.jdbi = jdbi;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    public Result run(Request request) {
        if (request.validity().isNegative() || request.validity().isZero() || request.validity().compareTo(MAX_VALIDITY) > 0) {
            return new InvalidValidity(request.validity());
        }
        Result result = jdbi.inTransaction(handle -> {
            Optional<User> user = new UserStore(handle).find(request.name());
            if (user.isEmpty()) {
                return new UnknownUser(request.name());
            }
            if (!user.get().enabled()) {
                return new UserDisabled(request.name());
            }
            String token = ApiTokens.newToken();
            Instant now = clock.instant();
            Instant expiresAt = now.plus(request.validity());
            new TokenStore(handle).insert(user.get().id(), ApiTokens.prefix(token), Secrets.sha256(token), now, expiresAt);
            audit.tokenIssued(handle, request.actor(), request.name(), ApiTokens.prefix(token), expiresAt);
            return new Issued(request.name(), token, ApiTokens.prefix(token), expiresAt);
        });
        if (result instanceof Issued issued) {
            events.tokenIssued(request.actor(), issued.name(), issued.prefix(), issued.expiresAt());
        }
        return result;
    }
}
