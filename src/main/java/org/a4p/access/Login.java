package org.a4p.access;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Checks a name and password. The failure count and the lock live in the database, so several
 * app instances slow down and lock an account as one (see {@link LoginPolicy}).
 */
public final class Login {
    public record Request(String name, String password) {
        @Override
        public String toString() {
            return "Login.Request[name=" + name + ", password=(withheld)]";
        }
    }

    public sealed interface Result {}

    public record LoggedIn(User user) implements Result {}

    /** Wrong name or password, or a disabled account: the caller learns no more than that. */
    public record Denied() implements Result {}

    /** Too soon after a failure: no password is checked before {@code until}. */
    public record TryLater(Instant until) implements Result {}

    /** Too many failures: no password, not even the right one, is accepted before {@code until}. */
    public record Locked(Instant until) implements Result {}

    private final Jdbi jdbi;
    private final PasswordHasher hasher;
    private final LoginPolicy policy;
    private final SecurityEvents events;
    private final AccountAudit audit;
    private final Clock clock;

    Login(Jdbi jdbi, PasswordHasher hasher, LoginPolicy policy, SecurityEvents events, AccountAudit audit, Clock clock) {
        this.jdbi = jdbi;
        this.hasher = hasher;
        this.policy = policy;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    public Result run(Request request) {
        String password = request.password() == null ? "" : request.password();
        return jdbi.inTransaction(handle -> {
            UserStore users = new UserStore(handle);
            Optional<UserStore.Credentials> found = request.name() == null ? Optional.empty() : users.credentialsForUpdate(request.name());
            if (found.isEmpty() || !found.get().enabled()) {
                hasher.verifyNothing(password);
                String reason = found.isEmpty() ? "unknown_user" : "user_disabled";
                events.loginFailed(request.name(), reason, 0);
                audit.loginFailed(handle, request.name(), reason, 0);
                return new Denied();
            }
            UserStore.Credentials account = found.get();
            Instant now = clock.instant();
            boolean wasLocked = account.failedLogins() >= policy.lockAfter();
            if (account.lockedUntil() != null && now.isBefore(account.lockedUntil())) {
                events.denied(account.userName(), "login", wasLocked ? "locked" : "too_soon");
                audit.denied(handle, account.userName(), "login", wasLocked ? "locked" : "too_soon");
                return wasLocked ? new Locked(account.lockedUntil()) : new TryLater(account.lockedUntil());
            }
            if (hasher.verify(password, account.passwordHash())) {
                users.clearFailures(account.id());
                events.loginSucceeded(account.userName());
                audit.loginSucceeded(handle, account.userName());
                return new LoggedIn(users.find(account.id()).orElseThrow());
            }
            int failures = (wasLocked ? 0 : account.failedLogins()) + 1; // a lock that expired starts the count afresh
            if (failures >= policy.lockAfter()) {
                Instant until = now.plus(policy.lockFor());
                users.recordFailure(account.id(), failures, until);
                events.lockedOut(account.userName(), failures, until);
                audit.lockedOut(handle, account.userName(), failures, until);
                return new Locked(until);
            }
            users.recordFailure(account.id(), failures, now.plus(policy.delayAfter(failures)));
            events.loginFailed(account.userName(), "wrong_password", failures);
            audit.loginFailed(handle, account.userName(), "wrong_password", failures);
            return new Denied();
        });
    }
}
