package org.a4p.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import org.a4p.ingest.SubmissionSummary;

/** Puts a workflow step on record inside the step's own transaction (the audit trail). */
@FunctionalInterface
public interface WorkflowLog {
    void stepTaken(Connection connection, Step step, Actor actor, SubmissionSummary before, SubmissionSummary after, int locks)
            throws SQLException;

    WorkflowLog NONE = (connection, step, actor, before, after, locks) -> { };
}
