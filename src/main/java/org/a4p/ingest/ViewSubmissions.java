package org.a4p.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.a4p.app.Failure;
import org.a4p.app.Outcome;
import org.a4p.db.Database;
import org.a4p.pack.Pack;
import org.a4p.records.StoreException;

/**
 * Use case: the submissions a viewer may see. HQ roles see every one. A mission officer sees those
 * it made itself (its rejected attempts included) and those whose mission-months are all of its missions;
 * one that wrote any other mission's record is not its to see, and asked for by id it does not
 * exist (404, as a missing one): ids are sequential, and a 403 would tell another mission's
 * submissions apart from gaps.
 */
public final class ViewSubmissions {
    /** {@code missions} null: every mission. */
    public record Viewer(String name, List<String> missions) {}

    private final Database database;
    private final ListSubmissions submissions;

    public ViewSubmissions(Pack pack, Database database) {
        this.database = database;
        this.submissions = new ListSubmissions(pack, database);
    }

    public Outcome<List<SubmissionSummary>> list(Viewer viewer, String recordType, int limit) {
        if (viewer.missions() == null) {
            return submissions.run(new ListSubmissions.Request(recordType, limit));
        }
        Outcome<List<SubmissionSummary>> all = submissions.run(new ListSubmissions.Request(recordType, Integer.MAX_VALUE));
        if (all instanceof Outcome.Failed<List<SubmissionSummary>> failed) {
            return failed;
        }
        if (limit < 1) {
            return Outcome.failed(Failure.invalid("the limit must be 1 or more, got " + limit));
        }
        List<SubmissionSummary> listed = ((Outcome.Ok<List<SubmissionSummary>>) all).value();
        Map<Long, Set<String>> missions = missions();
        return Outcome.ok(listed.stream().filter(submission -> visible(viewer, submission, missions)).limit(limit).toList());
    }

    public Outcome<ListSubmissions.Changes> one(Viewer viewer, long id) {
        Outcome<ListSubmissions.Changes> found = submissions.changes(id);
        if (viewer.missions() == null || found instanceof Outcome.Failed) {
            return found;
        }
        SubmissionSummary submission = ((Outcome.Ok<ListSubmissions.Changes>) found).value().submission();
        return visible(viewer, submission, missions()) ? found
                : Outcome.failed(Failure.notFound("there is no submission " + id));
    }

    private static boolean visible(Viewer viewer, SubmissionSummary submission, Map<Long, Set<String>> missions) {
        Set<String> touched = missions.getOrDefault(submission.id(), Set.of());
        return submission.submittedBy().equals(viewer.name()) || !touched.isEmpty() && viewer.missions().containsAll(touched);
    }

    /** The missions each submission covers (its mission-months), as the workflow judges them too. */
    private Map<Long, Set<String>> missions() {
        try (Connection connection = database.dataSource().getConnection()) {
            return new SubmissionStore().missionsBySubmission(connection);
        } catch (SQLException e) {
            throw new StoreException("cannot read the submissions' missions: " + e.getMessage(), e);
        }
    }
}
