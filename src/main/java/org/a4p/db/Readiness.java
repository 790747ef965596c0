package org.a4p.db;

/**
 * Whether the database can serve requests; {@code detail} says why not in words fit for any
 * caller, {@code cause} (null when none) is for the log only.
 */
public record Readiness(boolean ready, String detail, Throwable cause) {
    static final Readiness READY = new Readiness(true, "database reachable, migrations applied", null);

    static Readiness notReady(String detail, Throwable cause) {
        return new Readiness(false, detail, cause);
    }
}
