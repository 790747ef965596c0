package org.a4p.workflow;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.LinkedHashMap;
import java.util.Map;
import org.a4p.app.Failure;
import org.a4p.audit.AuditEvent;
import org.a4p.audit.AuditTrail;
import org.a4p.app.Outcome;
import org.a4p.db.Database;
import org.a4p.ingest.ImportFile;
import org.a4p.ingest.ImportOutcome;
import org.a4p.ingest.ImportRequest;
import org.a4p.ingest.Importer;
import org.a4p.ingest.Progress;
import org.a4p.ingest.RowIssue;
import org.a4p.ingest.SubmissionStore;
import org.a4p.ingest.SubmissionSummary;
import org.a4p.pack.Pack;
import org.a4p.pack.RecordType;
import org.a4p.records.RecordStore;
import org.a4p.records.StoreException;

/**
 * Use case: one step of the approval workflow on one submission (submit a draft, approve, return,
 * reopen), for every edge. Each step runs in one transaction under the record type's guard and
 * moves the status only from the one it read, so two app instances never approve twice: the second
 * finds the submission approved and is refused.
 */
public final class ChangeSubmissionStatus {
    /** {@code reason} is required to return or reopen, and kept with the submission. */
    public record Request(long submissionId, Step step, Actor actor, String reason) {}

    private final Pack pack;
    private final Database database;
    private final Importer importer;
    private final Importer.Refresh refresh;
    private final AuditTrail audit;
    private final Clock clock;
    private final SubmissionStore submissions = new SubmissionStore();
    private final LockStore locks = new LockStore();

    /** {@code refresh} recomputes the values an approval makes no longer provisional. */
    public ChangeSubmissionStatus(Pack pack, Database database, Importer importer, Importer.Refresh refresh, AuditTrail audit, Clock clock) {
        this.pack = pack;
        this.database = database;
        this.importer = importer;
        this.refresh = refresh;
        this.audit = audit;
        this.clock = clock;
    }

    /** The same steps, leaving the values to be refreshed by the caller (the demo, which approves seventy files at once). */
    public ChangeSubmissionStatus deferringRefresh() {
        return new ChangeSubmissionStatus(pack, database, importer, Importer.Refresh.deferred(refresh), audit, clock);
    }

    public Outcome<SubmissionSummary> run(Request request) {
        Step step = request.step();
        Actor actor = request.actor();
        String reason = request.reason() == null ? null : request.reason().strip();
        if (step.needsReason() && (reason == null || reason.isEmpty())) {
            return Outcome.failed(Failure.invalid("a reason is required to " + step.code() + " a submission: say what must change and why"));
        }
        if (reason != null && (reason.length() > Step.MAX_REASON
                || reason.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t'))) {
            return Outcome.failed(Failure.invalid("expected a reason of at most " + Step.MAX_REASON
                    + " characters with no control characters but line breaks and tabs"));
        }
        if (reason != null && reason.isEmpty()) {
            reason = null;
        }
        SubmissionSummary draft;
        try (Connection connection = database.dataSource().getConnection()) {
            Optional<SubmissionSummary> found = submissions.find(connection, request.submissionId());
            Set<String> missions = submissions.coverage(connection, request.submissionId()).stream()
                    .map(SubmissionStore.Coverage::mission).collect(Collectors.toCollection(TreeSet::new));
            if (found.isEmpty() || !visible(actor, found.get(), missions)) {
                return Outcome.failed(Failure.notFound("there is no submission " + request.submissionId()));
            }
            SubmissionSummary submission = found.get();
            Optional<Failure> refused = refusal(step, actor, submission, missions);
            if (refused.isPresent()) {
                return Outcome.failed(refused.get());
            }
            if (step != Step.SUBMIT) {
                return take(connection, step, actor, reason, submission);
            }
            draft = submission;
        } catch (SQLException e) {
            throw new StoreException("the submission's status did not change: " + e.getMessage(), e);
        }
        // With this connection back in the pool: the import takes its own, and a request holding one
        // while it waits for another starves the pool when a few submits come at once.
        return submitDraft(draft, actor);
    }

    /** A mission officer sees the submissions it made and those of its missions only; to it, others do not exist. */
    static boolean visible(Actor actor, SubmissionSummary submission, Set<String> missions) {
        return !actor.scopedToMissions() || submission.submittedBy().equals(actor.name())
                || !missions.isEmpty() && actor.missions().containsAll(missions);
    }

    private static Optional<Failure> refusal(Step step, Actor actor, SubmissionSummary submission, Set<String> missions) {
        if (!step.allows(actor.role())) {
            return Optional.of(new Failure(Failure.Kind.FORBIDDEN, "a " + actor.role().code() + " may not " + step.code()
                    + " a submission; who may: " + step.roles().stream().map(r -> r.code()).sorted().collect(Collectors.joining(", "))));
        }
        if (actor.scopedToMissions() && !actor.missions().containsAll(missions)) {
            return Optional.of(new Failure(Failure.Kind.FORBIDDEN, "submission " + submission.id() + " holds records of missions not yours ("
                    + missions.stream().filter(m -> !actor.missions().contains(m)).collect(Collectors.joining(", ")) + ")"));
        }
        if (step == Step.APPROVE && (submission.submittedBy().equals(actor.name()) || submittedDraft(submission, actor))) {
            return Optional.of(new Failure(Failure.Kind.FORBIDDEN, "nobody approves their own submission: submission " + submission.id()
                    + " was submitted by " + actor.name() + "; another analyst must approve it"));
        }
        if (!step.from().contains(status(submission))) {
            return Optional.of(conflict(step, submission));
        }
        return Optional.empty();
    }

    /** The actor made a draft (someone else's) into this submission: it is theirs to approve no more than their own. */
    private static boolean submittedDraft(SubmissionSummary submission, Actor actor) {
        return status(submission) == SubmissionStatus.SUBMITTED && submission.decision() != null
                && submission.decision().by().equals(actor.name());
    }

    private static Failure conflict(Step step, SubmissionSummary submission) {
        SubmissionSummary.Decision decision = submission.decision();
        String by = decision == null ? "" : " (by " + decision.by() + (decision.at() == null ? "" : " at "
                + decision.at().truncatedTo(ChronoUnit.SECONDS)) + ")";
        return new Failure(Failure.Kind.CONFLICT, "submission " + submission.id() + " is " + submission.status() + by + "; only a "
                + step.from().stream().map(SubmissionStatus::code).collect(Collectors.joining(" or ")) + " submission can be "
                + step.done());
    }

    private static SubmissionStatus status(SubmissionSummary submission) {
        return SubmissionStatus.ofCode(submission.status()).orElse(SubmissionStatus.REJECTED);
    }

    private Outcome<SubmissionSummary> take(Connection connection, Step step, Actor actor, String reason, SubmissionSummary read)
            throws SQLException {
        RecordType type = pack.recordType(read.recordType()).orElseThrow(
                () -> new IllegalStateException("submission " + read.id() + " is of a type the pack no longer has: " + read.recordType()));
        connection.setAutoCommit(false);
        try {
            locks.guard(connection, type.id());
            // Read again under the guard: another instance may have moved it since.
            SubmissionSummary submission = submissions.find(connection, read.id()).orElseThrow();
            if (!step.from().contains(status(submission))) {
                connection.rollback();
                return Outcome.failed(conflict(step, submission));
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            int lockCount = 0;
            if (step == Step.APPROVE) {
                new RecordStore(database.dialect()).approve(connection, type, submission.id());
                lockCount = locks.lock(connection, type.id(), submission.id());
                // Its values are no longer provisional: those of the mission-months it covers.
                Map<String, Set<YearMonth>> months = new HashMap<>();
                submissions.coverage(connection, submission.id()).forEach(c -> months.computeIfAbsent(c.mission(), m -> new TreeSet<>())
                        .add(YearMonth.parse(c.month())));
                refresh.refreshMonths(connection, type.id(), months, Set.of(), Set.of());
            } else if (step == Step.REOPEN) {
                lockCount = locks.unlock(connection, submission.id());
            }
            if (!submissions.moveStatus(connection, submission.id(), submission.status(), step.to().code(), actor.name(), now, reason)) {
                connection.rollback();
                return Outcome.failed(conflict(step, submissions.find(connection, submission.id()).orElseThrow()));
            }
            SubmissionSummary moved = submissions.find(connection, submission.id()).orElseThrow();
            audit.append(connection, event(step, actor, submission, moved, lockCount));
            connection.commit();
            return Outcome.ok(moved);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    private static AuditEvent event(Step step, Actor actor, SubmissionSummary before, SubmissionSummary after, int locks) {
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("status", before.status());
        Map<String, Object> now = new LinkedHashMap<>();
        now.put("status", after.status());
        now.put("record_type", after.recordType());
        now.put("role", actor.role() == null ? "operator" : actor.role().code());
        if (after.decision() != null && after.decision().reason() != null) {
            now.put("reason", after.decision().reason());
        }
        if (step == Step.APPROVE) {
            now.put("mission_months_locked", locks);
        } else if (step == Step.REOPEN) {
            now.put("mission_months_unlocked", locks);
        }
        return AuditEvent.of(actor.name(), "submission." + step.code(), "submission:" + after.id(), was, now);
    }

    /**
     * A draft's file, validated again against today's records and locks, and written as this
     * submission: its author stays who drafted it; the actor is who submitted it (its decision).
     */
    private Outcome<SubmissionSummary> submitDraft(SubmissionSummary draft, Actor actor) {
        Optional<byte[]> content = read(connection -> submissions.draftContent(connection, draft.id()));
        if (content.isEmpty()) {
            return Outcome.failed(new Failure(Failure.Kind.CONFLICT, "draft " + draft.id() + " has no file kept; import it again"));
        }
        byte[] bytes = content.get();
        ImportFile file = new ImportFile(draft.fileName(), () -> new ByteArrayInputStream(bytes));
        ImportOutcome outcome;
        try {
            outcome = importer.run(new ImportRequest(draft.recordType(), draft.layout(), List.of(file), draft.wholeDataset(),
                    draft.synthetic(), actor.name(), false, false, draft.id()), Progress.NONE);
        } catch (StoreException e) {
            SubmissionSummary now = read(connection -> submissions.find(connection, draft.id())).orElseThrow();
            if (status(now) != SubmissionStatus.DRAFT) {
                return Outcome.failed(conflict(Step.SUBMIT, now)); // submitted meanwhile, by another request or instance
            }
            throw e;
        }
        if (outcome instanceof ImportOutcome.Rejected rejected) {
            return Outcome.failed(new Failure(Failure.Kind.REJECTED, "draft " + draft.id() + " was not submitted, its file is refused now ("
                    + rejected.errorCount() + (rejected.errorCount() == 1 ? " error" : " errors") + "); the first: "
                    + rejected.errors().stream().limit(3).map(RowIssue::message).collect(Collectors.joining("; "))));
        }
        return Outcome.ok(read(connection -> submissions.find(connection, draft.id())).orElseThrow());
    }

    private interface Read<T> {
        T from(Connection connection) throws SQLException;
    }

    private <T> T read(Read<T> read) {
        try (Connection connection = database.dataSource().getConnection()) {
            return read.from(connection);
        } catch (SQLException e) {
            throw new StoreException("cannot read the draft: " + e.getMessage(), e);
        }
    }
}
