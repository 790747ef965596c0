package org.a4p.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Every user by name, with the number of API tokens each holds that still work. */
public final class ListUsers {
    public record Request() {}

    public record Entry(User user, int activeTokens) {}

    public record Result(List<Entry> users) {}

    private final Jdbi jdbi;
    private final Clock clock;

    ListUsers(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Result run(Request request) {
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            Map<Long, Integer> tokens = new TokenStore(handle).activeCounts(now);
            return new Result(new UserStore(handle).all().stream()
                    .map(user -> new Entry(user, tokens.getOrDefault(user.id(), 0))).toList());
        });
    }
}
