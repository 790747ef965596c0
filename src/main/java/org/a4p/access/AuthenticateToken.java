package org.a4p.access;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Tells whose API token this is: a token works until it expires or is revoked, and while its user is enabled. */
public final class AuthenticateToken {
    public record Request(String token) {
        @Override
        public String toString() {
            return "AuthenticateToken.Request[token=(withheld)]";
        }
    }

    public sealed interface Result {}

    public record Authenticated(User user, String prefix) implements Result {}

    /** Unknown, malformed, expired or revoked, or its user disabled: the caller learns no more than that. */
    public record Denied() implements Result {}

    private final Jdbi jdbi;
    private final SecurityEvents events;
    private final AccountAudit audit;
    private final Clock clock;

    AuthenticateToken(Jdbi jdbi, SecurityEvents events, AccountAudit audit, Clock clock) {
        this.jdbi = jdbi;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    public Result run(Request request) {
        if (!ApiTokens.wellFormed(request.token())) {
            events.denied(null, "token", "malformed");
            audit.denied(null, "token", "malformed");
            return new Denied();
        }
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            Optional<TokenStore.TokenRow> token = new TokenStore(handle).find(Secrets.sha256(request.token()));
            if (token.isEmpty()) {
                events.denied(null, "token", "unknown");
                audit.denied(handle, null, "token", "unknown");
                return new Denied();
            }
            User user = new UserStore(handle).find(token.get().userId()).orElseThrow();
            String reason = token.get().revokedAt() != null ? "revoked"
                    : !now.isBefore(token.get().expiresAt()) ? "expired"
                    : !user.enabled() ? "user_disabled" : null;
            if (reason != null) {
                events.denied(user.name(), "token:" + token.get().prefix(), reason);
                audit.denied(handle, user.name(), "token:" + token.get().prefix(), reason);
                return new Denied();
            }
            return new Authenticated(user, token.get().prefix());
        });
    }
}
