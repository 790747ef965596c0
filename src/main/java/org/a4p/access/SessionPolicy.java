package org.a4p.access;

import java.time.Duration;

/** When a session ends by itself: after {@code idleTimeout} without use, and {@code absoluteTimeout} after it began. */
public record SessionPolicy(Duration idleTimeout, Duration absoluteTimeout) {
    public static final SessionPolicy DEFAULT = new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(8));

    public SessionPolicy {
        if (idleTimeout.isNegative() || idleTimeout.isZero() || absoluteTimeout.compareTo(idleTimeout) < 0) {
            throw new IllegalArgumentException("a session policy needs a positive idle timeout no longer than the absolute one");
        }
    }
}
