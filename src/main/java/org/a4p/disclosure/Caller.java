package org.a4p.disclosure;

import java.util.List;
import java.util.Optional;
import org.a4p.access.Role;
import org.a4p.access.User;

/** Who an output is for: a signed-in user's role and missions, or an anonymous reader (no role). */
public record Caller(Optional<Role> role, List<String> missions) {
    public Caller {
        missions = List.copyOf(missions);
    }

    public static Caller anonymous() {
        return new Caller(Optional.empty(), List.of());
    }

    public static Caller of(User user) {
        return new Caller(Optional.of(user.role()), user.missions());
    }

    public static Caller of(Role role, String... missions) {
        return new Caller(Optional.of(role), List.of(missions));
    }

    /** Delegates and anonymous readers: published values with small cells suppressed, and no records. */
    public boolean isPublic() {
        return role.map(Role::readsPublishedOnly).orElse(true);
    }
}
