package org.a4p.workflow;

import java.util.List;
import org.a4p.access.Role;
import org.a4p.access.User;

/**
 * Who takes a workflow step or publishes: a signed-in user, or (role null) the operator at the
 * command line, named by its own user name. {@code missions} is the mission scope, empty for none.
 */
public record Actor(String name, Role role, List<String> missions) {
    public Actor {
        missions = List.copyOf(missions);
    }

    public static Actor of(User user) {
        return new Actor(user.name(), user.role(), user.role().scopedToMissions() ? user.missions() : List.of());
    }

    public static Actor operator(String name) {
        return new Actor(name, null, List.of());
    }

    public boolean scopedToMissions() {
        return role != null && role.scopedToMissions();
    }
}
