package org.a4p.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.a4p.app.Failure;
import org.a4p.app.Outcome;
import org.a4p.db.Database;
import org.a4p.pack.Pack;
import org.a4p.records.StoreException;

/** Use cases: the submissions, newest first, and what one of them changed. */
public final class ListSubmissions {
    /** {@code recordType} null: every type. */
    public record Request(String recordType, int limit) {}

    /** A submission with the stored records it revised or retired. */
    public record Changes(SubmissionSummary submission, List<SubmissionStore.Change> changes) {}

    private final Pack pack;
    private final Database database;
    private final SubmissionStore store = new SubmissionStore();

    public ListSubmissions(Pack pack, Database database) {
        this.pack = pack;
        this.database = database;
    }

    public Outcome<List<SubmissionSummary>> run(Request request) {
        if (request.recordType() != null && pack.recordType(request.recordType()).isEmpty()) {
            return Outcome.failed(Failure.invalid("unknown record type '" + request.recordType() + "'; known: "
                    + String.join(", ", pack.recordTypes().keySet())));
        }
        if (request.limit() < 1) {
            return Outcome.failed(Failure.invalid("the limit must be 1 or more, got " + request.limit()));
        }
        try (Connection connection = database.dataSource().getConnection()) {
            return Outcome.ok(store.list(connection, request.recordType(), request.limit()));
        } catch (SQLException e) {
            throw new StoreException("cannot read the submissions: " + e.getMessage(), e);
        }
    }

    public Outcome<Changes> changes(long submissionId) {
        try (Connection connection = database.dataSource().getConnection()) {
            Optional<SubmissionSummary> submission = store.find(connection, submissionId);
            if (submission.isEmpty()) {
                return Outcome.failed(Failure.notFound("there is no submission " + submissionId));
            }
            return Outcome.ok(new Changes(submission.get(), store.changes(connection, submissionId)));
        } catch (SQLException e) {
            throw new StoreException("cannot read the submission's changes: " + e.getMessage(), e);
        }
    }
}
