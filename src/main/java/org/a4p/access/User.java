package org.a4p.access;

import java.time.Instant;
import java.util.List;

/** An account as others may see it: never its password hash, tokens or sessions. */
public record User(long id, String name, Role role, List<String> missions, boolean enabled, Instant createdAt, Instant updatedAt) {
    public User {
        missions = List.copyOf(missions);
    }
}
