package org.a4p.db;

import java.sql.SQLException;

/** Tells a write that failed because the disk holding the database is full, on H2 and on PostgreSQL. */
public final class DiskFull {
    /** PostgreSQL's SQLSTATE disk_full. */
    static final String DISK_FULL_STATE = "53100";
    /** What the operating system says (ENOSPC), in the message of H2's cause or PostgreSQL's error. */
    static final String NO_SPACE = "No space left on device";

    private DiskFull() {}

    /** Whether {@code failure} or one of its causes says the disk is full. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && DISK_FULL_STATE.equals(sql.getSQLState())) {
                return true;
            }
            if (cause.getMessage() != null && cause.getMessage().contains(NO_SPACE)) {
                return true;
            }
        }
        return false;
    }
}
