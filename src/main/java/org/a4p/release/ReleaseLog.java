package org.a4p.release;

import java.sql.Connection;
import java.sql.SQLException;
import org.a4p.workflow.Actor;

/** Puts a published release on record inside its own transaction (the audit trail). */
@FunctionalInterface
public interface ReleaseLog {
    void published(Connection connection, Actor actor, Release release) throws SQLException;

    ReleaseLog NONE = (connection, actor, release) -> { };
}
