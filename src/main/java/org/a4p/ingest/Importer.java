package org.a4p.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.a4p.audit.AuditTrail;
import org.a4p.db.Database;
import org.a4p.pack.Field;
import org.a4p.pack.Pack;
import org.a4p.pack.RecordType;
import org.a4p.records.RecordStore;
import org.a4p.records.RecordTables;
import org.a4p.records.RecordValues;
import org.a4p.records.StageHistory;
import org.a4p.records.StoreException;
import org.a4p.records.StoredRecord;
import org.a4p.workflow.LockStore;

/**
 * Imports files of one record type: reads and validates every row of every file first; if any
 * row is wrong nothing is written. Otherwise all files are written in one transaction, one
 * submission per file, and the indicators that read the type are refreshed for the years touched.
 */
public final class Importer {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Importer.class);
    private static final int CHANGES_KEPT = 10_000;

    /** Recomputes indicator values inside the transaction that changed the records. */
    @FunctionalInterface
    public interface Refresh {
        /** After changes to the types' records in the years given (and those between). */
        void refresh(Connection connection, Set<String> recordTypes, Set<Integer> years) throws SQLException;

        /**
         * After changes to one type's records confined to the months given of each mission (the
         * months of the old versions too), and to other types' records in whole years: the values
         * those months feed. By default the years they fall in are refreshed.
         */
        default void refreshMonths(Connection connection, String recordType, Map<String, Set<java.time.YearMonth>> monthsByMission,
                Set<String> otherTypes, Set<Integer> otherYears) throws SQLException {
            Set<String> types = new HashSet<>(otherTypes);
            types.add(recordType);
            Set<Integer> years = new TreeSet<>(otherYears);
            monthsByMission.values().forEach(months -> months.forEach(month -> years.add(month.getYear())));
            refresh(connection, types, years);
        }

        /** Records that the types' records changed without a refresh: what the refresh keeps of them is out of date. */
        default void changedUnrefreshed(Connection connection, Set<String> recordTypes) throws SQLException {
        }

        /** A refresh left to the caller, which refreshes everything once at the end (the demo's seventy files). */
        static Refresh deferred(Refresh refresh) {
            return (connection, recordTypes, years) -> refresh.changedUnrefreshed(connection, recordTypes);
        }
    }

    /** Told the outcome of every import, accepted or rejected (the metrics count them). */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = outcome -> { };

        void imported(ImportOutcome outcome);
    }

    private final Database database;
    private final Pack pack;
    private final Refresh refresh;
    private final AuditTrail audit;
    private final Listener listener;
    private final SubmissionStore submissionStore = new SubmissionStore();
    private final LockStore locks = new LockStore();

    public Importer(Database database, Pack pack, Refresh refresh, AuditTrail audit, Listener listener) {
        this.database = database;
        this.pack = pack;
        this.refresh = refresh;
        this.audit = audit;
        this.listener = listener;
    }

    /** The same importer, leaving the indicators to be refreshed by the caller (the demo: seventy files, one refresh). */
    public Importer deferringRefresh() {
        return new Importer(database, pack, Refresh.deferred(refresh), audit, listener);
    }

    public ImportOutcome run(ImportRequest request, Progress progress) {
        ImportOutcome outcome = importFiles(request, progress);
        listener.imported(outcome);
        return outcome;
    }

    private ImportOutcome importFiles(ImportRequest request, Progress progress) {
        RecordType type = pack.recordType(request.recordType()).orElseThrow(
                () -> new IllegalArgumentException("unknown record type '" + request.recordType() + "'; known: "
                        + pack.recordTypes().keySet()));
        if (type.reporting().system()) {
            throw new IllegalArgumentException("'" + type.id() + "' records are written by A4P+ Monitor itself and cannot be imported");
        }
        List<RowIssue> errors = new ArrayList<>();
        List<RowIssue> warnings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<FileBatch> batches = new ArrayList<>();
        List<Issues> perFile = new ArrayList<>();
        long errorCount = 0;
        FileParser parser = new FileParser(pack, type, Instant.now());
        long started = System.nanoTime();
        for (ImportFile file : request.files()) {
            Issues issues = Issues.create(file.name());
            perFile.add(issues);
            FileBatch batch = parser.parse(file, request.layout(), issues, progress, notes);
            errors.addAll(issues.errors());
            warnings.addAll(issues.warnings());
            errorCount += issues.errorCount();
            if (batch != null) {
                batches.add(batch);
            }
        }
        errorCount += crossFileDuplicates(type, batches, errors);
        if (errorCount > 0) {
            progress.done();
            recordRejection(type, request, perFile, Map.of());
            return new ImportOutcome.Rejected(errors, errorCount, warnings, rowsRead(perFile));
        }
        long parsed = System.nanoTime();
        refuseWhenTheDiskLacksRoom(batches);
        new RecordTables(database).ensure(List.of(type));
        if (request.draft()) {
            progress.done();
            return keepDrafts(type, request, batches, warnings, notes);
        }
        HeldBack heldBack;
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                Written written = write(connection, type, request, batches, progress, warnings);
                Set<String> touched = new java.util.HashSet<>(Set.of(type.id()));
                Set<Integer> years = new TreeSet<>(written.years);
                recordAcceptance(connection, type, request, written, perFile, touched, years);
                long wrote = System.nanoTime();
                progress.update("refreshing indicators", 0);
                if (written.months == null) {
                    refresh.refresh(connection, touched, years);
                } else {
                    touched.remove(type.id());
                    refresh.refreshMonths(connection, type.id(), written.months, touched, years);
                }
                long refreshed = System.nanoTime();
                for (SubmissionSummary submission : written.submissions) {
                    audit.append(connection, ImportAudit.written(submission, request, written.changes));
                }
                connection.commit();
                long committed = System.nanoTime();
                LOG.debug("import of {}: read and validated in {} ms, written in {} ms, indicators refreshed in {} ms, committed in {} ms",
                        type.id(), (parsed - started) / 1_000_000, (wrote - parsed) / 1_000_000, (refreshed - wrote) / 1_000_000,
                        (committed - refreshed) / 1_000_000);
                progress.done();
                return new ImportOutcome.Accepted(written.submissions, written.changes, warnings, notes, new ImportOutcome.Timings(
                        (parsed - started) / 1_000_000, (wrote - parsed) / 1_000_000, (refreshed - wrote) / 1_000_000,
                        (committed - refreshed) / 1_000_000));
            } catch (HeldBack e) {
                connection.rollback();
                heldBack = e;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            progress.done();
            if (org.a4p.db.DiskFull.causedBy(e) || database.diskNearlyFull()) {
                throw new StoreException("the disk that holds the database is full (no space left on device): the import was rolled back,"
                        + " nothing was written; free some space and import the files again", e);
            }
            throw new StoreException("the import was rolled back, nothing was written: " + e.getMessage(), e);
        }
        // Put on record once the write's connection is back in the pool: holding it while the record
        // takes another starves the pool when a few refused imports come at once.
        progress.done();
        Map<String, Long> byFile = new HashMap<>();
        heldBack.issues.forEach(issue -> byFile.merge(issue.file(), 1L, Long::sum));
        recordRejection(type, request, perFile, byFile);
        return new ImportOutcome.Rejected(heldBack.issues, heldBack.count, warnings, rowsRead(perFile));
    }

    /** A generous guess at what a record takes in an H2 file as it is written (its row, history, indexes). */
    static final long DISK_BYTES_PER_RECORD = 1024;
    static final long DISK_SPARE_BYTES = 16L * 1024 * 1024;

    /**
     * Refuses, before anything is written, an import into an H2 file database whose disk cannot
     * hold it: H2 2.5 that runs out of space mid-write may hang in its rollback rather than fail.
     */
    private void refuseWhenTheDiskLacksRoom(List<FileBatch> batches) {
        long records = batches.stream().mapToLong(batch -> batch.records().size()).sum();
        long needed = records * DISK_BYTES_PER_RECORD + DISK_SPARE_BYTES;
        long free = database.usableSpace();
        if (free < needed) {
            throw new StoreException(String.format(java.util.Locale.ROOT, "the disk that holds the database is full: %.1f MB free, and"
                    + " %d records need about %d MB; nothing was written; free some space and import the files again",
                    free / 1048576.0, records, needed / 1048576), null);
        }
    }

    private static long rowsRead(List<Issues> perFile) {
        return perFile.stream().mapToLong(Issues::rowsRead).sum();
    }

    /**
     * Puts a rejected import on record: a submission with status rejected and an import attempt per
     * file, and refreshes the rejection rate. A failure here is logged and never hides the rejection.
     */
    private void recordRejection(RecordType type, ImportRequest request, List<Issues> perFile, Map<String, Long> extraErrors) {
        DataQualityLedger ledger = new DataQualityLedger(pack, database.dialect());
        if (!ledger.enabled()) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            List<DataQualityLedger.Attempt> attempts = new ArrayList<>();
            for (Issues issues : perFile) {
                long id = submissionStore.insert(connection, SubmissionSummary.rejected(type.id(), issues.file(), issues.rowsRead(),
                        request.submittedBy(), now));
                attempts.add(new DataQualityLedger.Attempt(id, issues.mainMission(), issues.mainMonth(), issues.rowsRead(),
                        issues.rowsWarned(), issues.errorCount() + extraErrors.getOrDefault(issues.file(), 0L), 0, 0, true));
            }
            ledger.recordAttempts(connection, type.id(), attempts, now, request.synthetic());
            refresh.refresh(connection, Set.of(DataQualityLedger.ATTEMPTS), Set.of(now.atOffset(java.time.ZoneOffset.UTC).getYear()));
            for (int i = 0; i < perFile.size(); i++) {
                audit.append(connection, ImportAudit.rejected(type.id(), attempts.get(i).submissionId(), perFile.get(i).file(),
                        attempts.get(i).errors(), request));
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("the rejected import of {} could not be put on record: {}", type.id(), e.getMessage());
        }
    }

    /**
     * Puts an accepted import on record and refreshes what depends on the records written: the
     * reporting status of a type owed monthly, the location coverage of a type with a site field.
     */
    private void recordAcceptance(Connection connection, RecordType type, ImportRequest request, Written written,
            List<Issues> perFile, Set<String> touched, Set<Integer> years) throws SQLException {
        DataQualityLedger ledger = new DataQualityLedger(pack, database.dialect());
        if (!ledger.enabled() || written.submissions.isEmpty()) {
            return;
        }
        Instant at = written.submissions.get(0).submittedAt();
        List<DataQualityLedger.Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < written.submissions.size(); i++) {
            SubmissionSummary s = written.submissions.get(i);
            Issues issues = perFile.get(i);
            // Only an import that accepts implausible values flags records, so only then is the table read.
            long flagged = request.acceptImplausible() ? ledger.flaggedBy(connection, type, s.id()) : 0;
            attempts.add(new DataQualityLedger.Attempt(s.id(), issues.mainMission(), issues.mainMonth(), s.rowsRead(),
                    issues.rowsWarned(), 0, s.added() + s.revised(), flagged, false));
        }
        ledger.recordAttempts(connection, type.id(), attempts, at, request.synthetic());
        touched.add(DataQualityLedger.ATTEMPTS);
        years.add(at.atOffset(java.time.ZoneOffset.UTC).getYear());
        if (type.reporting().expectedMonthly() && !written.years.isEmpty()) {
            ledger.refreshReporting(connection, type, written.years, written.submissions.get(0).id());
            touched.add(DataQualityLedger.REPORTING);
        }
        if (ledger.refreshLocations(connection, type, written.years, written.submissions.get(0).id())) {
            touched.add(DataQualityLedger.LOCATION);
        }
    }

    private static long crossFileDuplicates(RecordType type, List<FileBatch> batches, List<RowIssue> errors) {
        if (batches.size() < 2) {
            return 0;
        }
        int[] keyIndexes = RecordValues.keyIndexes(type);
        Map<String, String> seen = new HashMap<>();
        long count = 0;
        for (FileBatch batch : batches) {
            for (int i = 0; i < batch.records().size(); i++) {
                String key = RecordValues.key(type, keyIndexes, batch.records().get(i));
                String where = batch.fileName() + " row " + batch.rowNumbers()[i];
                String earlier = seen.putIfAbsent(key, where);
                if (earlier != null) {
                    count++;
                    errors.add(new RowIssue(batch.fileName(), batch.rowNumbers()[i], type.key().get(0), null,
                            "expected a unique record: the key " + RecordValues.describeKey(type, key) + " is also in " + earlier));
                }
            }
        }
        return count;
    }

    /**
     * Thrown inside the write transaction when the import must not stand: values fail a plausibility
     * rule without the user's override, or records would change in mission-months an approval locked.
     */
    private static final class HeldBack extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<RowIssue> issues;
        private final long count;

        HeldBack(List<RowIssue> issues, long count) {
            super("held back", null, false, false);
            this.issues = issues;
            this.count = count;
        }
    }

    /** {@code months}: the months of each mission the changes fall in, or null when some change has no mission. */
    private record Written(List<SubmissionSummary> submissions, List<ImportOutcome.Change> changes, Set<Integer> years,
            Map<String, Set<java.time.YearMonth>> months) {}

    private Written write(Connection connection, RecordType type, ImportRequest request, List<FileBatch> batches,
            Progress progress, List<RowIssue> warnings) throws SQLException {
        // Taken first: no approval of this type can lock a month between the check below and the commit.
        locks.guard(connection, type.id());
        RecordStore store = new RecordStore(database.dialect());
        long t0 = System.nanoTime();
        Map<String, StoredRecord> stored = store.stored(connection, type);
        long tStored = System.nanoTime();
        long tInsert = 0;
        List<RowIssue> lockedOut = new ArrayList<>();
        int[] keyIndexes = RecordValues.keyIndexes(type);
        int dateIndex = type.fields().indexOf(type.field(type.dateField()).orElseThrow());
        Set<String> seen = new HashSet<>();
        Set<Integer> years = new TreeSet<>();
        Map<String, Set<java.time.YearMonth>> months = new HashMap<>();
        boolean unconfined = false;
        int missionIndex = type.fields().indexOf(type.field(type.missionField()).orElseThrow());
        List<SubmissionSummary> submissions = new ArrayList<>();
        List<ImportOutcome.Change> changes = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        StageHistory history = type.stages() == null ? null : StageHistory.load(connection, type);
        TermFlagger flagger = type.flagging() == null ? null : TermFlagger.load(connection, pack, type);
        PlausibilityCheck plausibility = new PlausibilityCheck(type, pack.orgUnits(), database.dialect());
        for (int b = 0; b < batches.size(); b++) {
            FileBatch batch = batches.get(b);
            if (flagger != null) {
                batch.records().forEach(flagger::flag);
            }
            if (history != null) {
                for (int i = 0; i < batch.records().size(); i++) {
                    Object[] values = batch.records().get(i);
                    String disorder = history.apply(RecordValues.key(type, keyIndexes, values), values);
                    if (disorder != null) {
                        warnings.add(new RowIssue(batch.fileName(), batch.rowNumbers()[i], type.stages().dateField(), null,
                                "history out of order: " + disorder + "; kept as reported"));
                    }
                }
            }
            List<Object[]> added = new ArrayList<>();
            List<RecordStore.Revision> revised = new ArrayList<>();
            List<String> revisedKeys = new ArrayList<>();
            List<Long> revisedRows = new ArrayList<>();
            CoverageTally coverage = new CoverageTally(type);
            int unchanged = 0;
            for (int i = 0; i < batch.records().size(); i++) {
                Object[] values = batch.records().get(i);
                String key = RecordValues.key(type, keyIndexes, values);
                seen.add(key);
                coverage.count(values);
                StoredRecord existing = stored.get(key);
                if (existing == null) {
                    added.add(values);
                } else if (existing.rowHash() != RecordValues.hash(values) || existing.retired()) {
                    revised.add(new RecordStore.Revision(existing.id(), values));
                    revisedKeys.add(key);
                    revisedRows.add(batch.rowNumbers()[i]);
                } else {
                    unchanged++;
                    continue;
                }
                coverage.changed(values, batch.fileName(), batch.rowNumbers()[i]);
                years.add(((LocalDate) values[dateIndex]).getYear());
                unconfined |= !monthOf(values, missionIndex, dateIndex, months);
                plausibility.changed(values, batch.fileName(), batch.rowNumbers()[i]);
            }
            List<Long> retireIds = new ArrayList<>();
            List<String> retireKeys = new ArrayList<>();
            boolean last = b == batches.size() - 1;
            if (request.wholeDataset() && last) {
                for (Map.Entry<String, StoredRecord> entry : stored.entrySet()) {
                    if (!entry.getValue().retired() && !seen.contains(entry.getKey())) {
                        retireIds.add(entry.getValue().id());
                        retireKeys.add(entry.getKey());
                    }
                }
            }
            SubmissionSummary submission = new SubmissionSummary(0, type.id(), batch.fileName(), batch.contentSha256(), batch.layout(),
                    batch.snapshotDate(), request.wholeDataset(), batch.rowsRead(), added.size(), revised.size(), unchanged,
                    retireIds.size(), batch.warnings(), request.synthetic(), "submitted", request.submittedBy(), now);
            long submissionId;
            if (request.draftId() != null) {
                submissionId = request.draftId();
                submissionStore.completeDraft(connection, submissionId, submission);
            } else {
                submissionId = submissionStore.insert(connection, submission);
            }
            progress.update("writing " + batch.fileName(), 0.1);
            long insertStart = System.nanoTime();
            store.insert(connection, type, added, submissionId, request.synthetic(), true);
            tInsert += System.nanoTime() - insertStart;
            progress.update("writing " + batch.fileName(), 0.6);
            List<Long> revisedIds = revised.stream().map(RecordStore.Revision::id).toList();
            Map<Long, Object[]> before = store.keepHistory(connection, type, revisedIds, submissionId);
            store.revise(connection, type, revised, submissionId, request.synthetic());
            Map<Long, Object[]> retiredBefore = store.keepHistory(connection, type, retireIds, submissionId);
            store.retire(connection, type, retireIds, submissionId);
            progress.update("writing " + batch.fileName(), 0.9);
            List<ImportOutcome.Change> fileChanges = new ArrayList<>();
            for (int i = 0; i < revised.size(); i++) {
                Object[] old = before.get(revised.get(i).id());
                coverage.replaced(old, batch.fileName(), revisedRows.get(i));
                years.add(((LocalDate) old[dateIndex]).getYear());
                unconfined |= !monthOf(old, missionIndex, dateIndex, months);
                List<String> fields = changedFields(type, old, revised.get(i).values());
                fileChanges.add(new ImportOutcome.Change(batch.fileName(), RecordValues.describeKey(type, revisedKeys.get(i)),
                        fields.isEmpty() ? "restored" : "revised", fields));
            }
            for (int i = 0; i < retireIds.size(); i++) {
                coverage.replaced(retiredBefore.get(retireIds.get(i)), batch.fileName(), 0);
                years.add(((LocalDate) retiredBefore.get(retireIds.get(i))[dateIndex]).getYear());
                unconfined |= !monthOf(retiredBefore.get(retireIds.get(i)), missionIndex, dateIndex, months);
                fileChanges.add(new ImportOutcome.Change(batch.fileName(), RecordValues.describeKey(type, retireKeys.get(i)),
                        "retired", List.of()));
            }
            submissionStore.insertChanges(connection, submissionId, type.id(), fileChanges);
            submissionStore.insertCoverage(connection, submissionId, coverage.coverage());
            lockedOut.addAll(lockIssues(connection, type, coverage));
            if (history != null) {
                history.save(connection, submissionId);
            }
            if (changes.size() < CHANGES_KEPT) {
                changes.addAll(fileChanges.subList(0, Math.min(fileChanges.size(), CHANGES_KEPT - changes.size())));
            }
            submissions.add(submission.withId(submissionId));
        }
        if (!lockedOut.isEmpty()) {
            throw new HeldBack(lockedOut, lockedOut.size());
        }
        // Judged once everything is written, on the figures the import would leave; held back, all of it rolls back.
        List<Long> submissionIds = submissions.stream().map(SubmissionSummary::id).toList();
        long tJudge = System.nanoTime();
        List<PlausibilityFinding> findings = plausibility.judge(connection, submissionIds, !stored.isEmpty());
        LOG.debug("writing {}: stored keys read in {} ms, records inserted in {} ms, the rest of the files' writes in {} ms,"
                + " plausibility judged in {} ms", type.id(), (tStored - t0) / 1_000_000, tInsert / 1_000_000,
                (tJudge - tStored - tInsert) / 1_000_000, (System.nanoTime() - tJudge) / 1_000_000);
        if (!findings.isEmpty() && !request.acceptImplausible()) {
            throw new HeldBack(PlausibilityCheck.issues(findings, false), findings.size());
        }
        if (!findings.isEmpty()) {
            plausibility.flag(connection, findings, submissionIds, store);
            warnings.addAll(0, PlausibilityCheck.issues(findings, true));
        }
        return new Written(submissions, changes, years, unconfined ? null : months);
    }

    /** Adds the record's mission-month to {@code months}; false when it has no mission. */
    private static boolean monthOf(Object[] values, int missionIndex, int dateIndex, Map<String, Set<java.time.YearMonth>> months) {
        if (values[missionIndex] == null) {
            return false;
        }
        LocalDate date = (LocalDate) values[dateIndex];
        months.computeIfAbsent(values[missionIndex].toString(), m -> new TreeSet<>()).add(java.time.YearMonth.from(date));
        return true;
    }

    /** One error per locked mission-month the file would change, naming the approval that holds it and how to lift it. */
    private List<RowIssue> lockIssues(Connection connection, RecordType type, CoverageTally coverage) throws SQLException {
        List<RowIssue> out = new ArrayList<>();
        for (LockStore.Lock lock : locks.locksAmong(connection, type.id(), coverage.changed().keySet())) {
            CoverageTally.Where where = coverage.changed().get(new LockStore.MissionMonth(lock.mission(), lock.month()));
            out.add(new RowIssue(where.file(), where.row(), type.missionField(), null, "no change to " + lock.mission() + " " + lock.month()
                    + ": its " + type.id() + " records are locked by submission " + lock.submissionId() + ", approved by " + lock.approvedBy()
                    + (lock.approvedAt() == null ? "" : " on " + lock.approvedAt().truncatedTo(ChronoUnit.MINUTES))
                    + "; an analyst must reopen submission " + lock.submissionId() + " with a reason before its months can change"
                    + (where.row() == 0 ? " (a record there would be retired: the file no longer holds it)" : "")));
        }
        return out;
    }

    /** Keeps each validated file as a draft: on record with its file and the months it covers, no record written. */
    private ImportOutcome keepDrafts(RecordType type, ImportRequest request, List<FileBatch> batches, List<RowIssue> warnings,
            List<String> notes) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<SubmissionSummary> drafts = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                for (int b = 0; b < batches.size(); b++) {
                    FileBatch batch = batches.get(b);
                    SubmissionSummary draft = new SubmissionSummary(0, type.id(), batch.fileName(), batch.contentSha256(), batch.layout(),
                            batch.snapshotDate(), request.wholeDataset(), batch.rowsRead(), 0, 0, 0, 0, batch.warnings(), request.synthetic(),
                            "draft", request.submittedBy(), now);
                    long id = submissionStore.insert(connection, draft);
                    submissionStore.insertDraft(connection, id, readAll(request.files().get(b)));
                    CoverageTally coverage = new CoverageTally(type);
                    batch.records().forEach(coverage::count);
                    submissionStore.insertCoverage(connection, id, coverage.coverage());
                    drafts.add(draft.withId(id));
                    audit.append(connection, ImportAudit.drafted(draft.withId(id), coverage.coverage().size()));
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("the draft was not kept, nothing was written: " + e.getMessage(), e);
        }
        return new ImportOutcome.Accepted(drafts, List.of(), warnings, notes, new ImportOutcome.Timings(0, 0, 0, 0));
    }

    private static byte[] readAll(ImportFile file) {
        try (java.io.InputStream in = file.opener().open()) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new StoreException("cannot read " + file.name() + " again to keep it as a draft: " + e.getMessage(), e);
        }
    }

    private static List<String> changedFields(RecordType type, Object[] before, Object[] after) {
        List<String> out = new ArrayList<>();
        List<Field> fields = type.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (!Objects.equals(before[i], after[i])) {
                out.add(fields.get(i).name());
            }
        }
        return out;
    }

}
