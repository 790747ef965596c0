package org.a4p.access;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.a4p.orgunit.OrgUnits;
import org.a4p.app.Failure;
import org.jdbi.v3.core.Jdbi;

/** Adds an enabled user with a role, its mission scope and a password that passes the policy. */
public final class AddUser {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");

    /** {@code actor} is who adds the user, for the record. */
    public record Request(String actor, String name, String role, List<String> missions, String password) {
        public Request {
            missions = List.copyOf(missions);
        }

        @Override
        public String toString() {
            return "AddUser.Request[actor=" + actor + ", name=" + name + ", role=" + role + ", missions=" + missions + ", password=(withheld)]";
        }
    }

    public sealed interface Result {}

    public record Added(User user) implements Result {}

    /** Names are 1 to 64 lower-case letters, digits, '.', '_', '-' or '@', starting with a letter or digit. */
    public record InvalidName(String name) implements Result, Refusal {
        @Override
        public Failure failure() {
            return Failure.invalid("invalid user name '" + name + "': expected 1 to 64 lower-case letters, digits, '.', '_', '-' or '@'");
        }
    }

    public record NameTaken(String name) implements Result, Refusal {
        @Override
        public Failure failure() {
            return new Failure(Failure.Kind.CONFLICT, "a user named '" + name + "' already exists");
        }
    }

    public record UnknownRole(String role, List<String> roles) implements Result, Refusal {
        @Override
        public Failure failure() {
            return Failure.invalid("unknown role '" + role + "': expected one of " + String.join(", ", roles));
        }
    }

    public record UnknownMission(String mission) implements Result, Refusal {
        @Override
        public Failure failure() {
            return Failure.notFound("unknown mission '" + mission + "': expected the acronym of a mission of the pack");
        }
    }

    /** A mission officer without a mission, or missions for a role that has no mission scope. */
    public record ScopeMismatch(String reason) implements Result, Refusal {
        @Override
        public Failure failure() {
            return Failure.invalid(reason);
        }
    }

    public record WeakPassword(String reason) implements Result, Refusal {
        @Override
        public Failure failure() {
            return new Failure(Failure.Kind.REJECTED, reason);
        }
    }

    private final Jdbi jdbi;
    private final OrgUnits orgUnits;
    private final PasswordHasher hasher;
    private final SecurityEvents events;
    private final AccountAudit audit;
    private final Clock clock;

    AddUser(Jdbi jdbi, OrgUnits orgUnits, PasswordHasher hasher, SecurityEvents events, AccountAudit audit, Clock clock) {
        this.jdbi = jdbi;
        this.orgUnits = orgUnits;
        this.hasher = hasher;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    public Result run(Request request) {
        if (request.name() == null || !NAME.matcher(request.name()).matches()) {
            return new InvalidName(request.name());
        }
        Optional<Role> role = Role.ofCode(request.role());
        if (role.isEmpty()) {
            return new UnknownRole(request.role(), Role.codes());
        }
        List<String> missions = List.copyOf(new LinkedHashSet<>(request.missions()));
        for (String mission : missions) {
            if (orgUnits.mission(mission).isEmpty()) {
                return new UnknownMission(mission);
            }
        }
        if (role.get().scopedToMissions() && missions.isEmpty()) {
            return new ScopeMismatch("a " + role.get().code() + " needs at least one mission");
        }
        if (!role.get().mayHaveMissions() && !missions.isEmpty()) {
            return new ScopeMismatch("only a mission, conduct or medical officer has missions; the role " + role.get().code()
                    + " sees every mission");
        }
        Optional<String> weak = PasswordPolicy.problem(request.password());
        if (weak.isPresent()) {
            return new WeakPassword(weak.get());
        }
        String hash = hasher.hash(request.password()); // before the transaction: it takes a while
        Result result = jdbi.inTransaction(handle -> {
            UserStore users = new UserStore(handle);
            if (users.exists(request.name())) {
                return new NameTaken(request.name());
            }
            long id = users.insert(request.name(), role.get(), missions, hash, clock.instant());
            User user = users.find(id).orElseThrow();
            audit.userAdded(handle, request.actor(), user);
            return new Added(user);
        });
        if (result instanceof Added added) {
            events.userAdded(request.actor(), added.user());
        }
        return result;
    }
}
