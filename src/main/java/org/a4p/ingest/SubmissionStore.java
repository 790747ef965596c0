package org.a4p.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * All SQL on the {@code submission}, {@code submission_change}, {@code submission_coverage} and
 * {@code submission_draft} tables, on the caller's connection and transaction.
 */
public final class SubmissionStore {
    private static final String COLUMNS = "record_type, file_name, content_sha256, layout, snapshot_date, whole_dataset, rows_read,"
            + " added, revised, unchanged, retired, warnings, synthetic, status, submitted_by, submitted_at";
    private static final String DECISION = ", status_by, status_at, status_reason";
    /** Stands for the content hash of a file that was never read whole (a rejected attempt). */
    static final String NO_HASH = "-".repeat(64);

    /** One change of one stored record by a submission; field names only, never values. */
    public record Change(String kind, String recordKey, List<String> fieldsChanged) {}

    /** Inserts the submission (its id is ignored) and returns the id the database gave it. */
    long insert(Connection connection, SubmissionSummary submission) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO submission (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            int p = 1;
            statement.setString(p++, submission.recordType());
            statement.setString(p++, submission.fileName());
            statement.setString(p++, submission.contentSha256());
            statement.setString(p++, submission.layout());
            statement.setObject(p++, submission.snapshotDate());
            statement.setBoolean(p++, submission.wholeDataset());
            statement.setInt(p++, submission.rowsRead());
            statement.setInt(p++, submission.added());
            statement.setInt(p++, submission.revised());
            statement.setInt(p++, submission.unchanged());
            statement.setInt(p++, submission.retired());
            statement.setInt(p++, submission.warnings());
            statement.setBoolean(p++, submission.synthetic());
            statement.setString(p++, submission.status());
            statement.setString(p++, submission.submittedBy());
            statement.setTimestamp(p, Timestamp.from(submission.submittedAt()));
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    void insertChanges(Connection connection, long submissionId, String recordType, List<ImportOutcome.Change> changes)
            throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO submission_change (submission_id, record_type, record_key, change_kind, fields_changed) VALUES (?, ?, ?, ?, ?)")) {
            for (ImportOutcome.Change change : changes) {
                statement.setLong(1, submissionId);
                statement.setString(2, recordType);
                statement.setString(3, truncate(change.recordKey(), 512));
                statement.setString(4, change.kind());
                statement.setString(5, truncate(String.join(",", change.fieldsChanged()), 2000));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Newest first; {@code recordType} null for every type. */
    public List<SubmissionSummary> list(Connection connection, String recordType, int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT id, " + COLUMNS + DECISION + " FROM submission"
                + (recordType == null ? "" : " WHERE record_type = ?") + " ORDER BY id DESC")) {
            if (recordType != null) {
                statement.setString(1, recordType);
            }
            statement.setMaxRows(limit);
            return read(statement);
        }
    }

    public Optional<SubmissionSummary> find(Connection connection, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT id, " + COLUMNS + DECISION + " FROM submission WHERE id = ?")) {
            statement.setLong(1, id);
            return read(statement).stream().findFirst();
        }
    }

    public List<Change> changes(Connection connection, long submissionId) throws SQLException {
        List<Change> out = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT change_kind, record_key, fields_changed FROM submission_change WHERE submission_id = ? ORDER BY record_key")) {
            statement.setLong(1, submissionId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String fields = rs.getString(3);
                    out.add(new Change(rs.getString(1), rs.getString(2),
                            fields == null || fields.isEmpty() ? List.of() : Arrays.asList(fields.split(","))));
                }
            }
        }
        return out;
    }

    /** The content hash of the last accepted submission of a file of a type, if there is one. */
    public Optional<String> lastAcceptedHash(Connection connection, String recordType, String fileName) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT content_sha256 FROM submission WHERE record_type = ? AND file_name = ?"
                        + " AND status IN ('submitted', 'approved', 'reopened') ORDER BY id DESC")) {
            statement.setString(1, recordType);
            statement.setString(2, fileName);
            statement.setMaxRows(1);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** The records a submission wrote in one mission-month. */
    public record Coverage(String mission, String month, int records) {}

    void insertCoverage(Connection connection, long submissionId, java.util.Collection<Coverage> coverage) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO submission_coverage (submission_id, mission, period_month, records) VALUES (?, ?, ?, ?)")) {
            org.a4p.db.Batches.run(statement, coverage, (st, c) -> {
                st.setLong(1, submissionId);
                st.setString(2, c.mission());
                st.setString(3, c.month());
                st.setInt(4, c.records());
            });
        }
    }

    /** How many submissions are approved (or approved and since reopened): the data a release rests on. */
    public int countApproved(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM submission WHERE status IN ('approved', 'reopened')");
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The mission-months a submission covers, earliest first. */
    public List<Coverage> coverage(Connection connection, long submissionId) throws SQLException {
        List<Coverage> out = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT mission, period_month, records FROM submission_coverage WHERE submission_id = ? ORDER BY period_month, mission")) {
            statement.setLong(1, submissionId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    out.add(new Coverage(rs.getString(1), rs.getString(2), rs.getInt(3)));
                }
            }
        }
        return out;
    }

    /** The missions each submission covers. */
    public java.util.Map<Long, java.util.Set<String>> missionsBySubmission(Connection connection) throws SQLException {
        java.util.Map<Long, java.util.Set<String>> out = new java.util.HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT DISTINCT submission_id, mission FROM submission_coverage");
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getLong(1), id -> new java.util.TreeSet<>()).add(rs.getString(2));
            }
        }
        return out;
    }

    /**
     * Moves a submission from one status to another, only if it still has the status expected:
     * false when another step (another app instance's) got there first.
     */
    public boolean moveStatus(Connection connection, long id, String expected, String status, String by, Instant at, String reason)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE submission SET status = ?, status_by = ?, status_at = ?, status_reason = ? WHERE id = ? AND status = ?")) {
            statement.setString(1, status);
            statement.setString(2, by);
            statement.setObject(3, at.atOffset(java.time.ZoneOffset.UTC));
            statement.setString(4, reason);
            statement.setLong(5, id);
            statement.setString(6, expected);
            return statement.executeUpdate() == 1;
        }
    }

    /**
     * Turns a draft into the submission its import wrote: the counts of what it wrote, and
     * submitted; its author stays who drafted it, and who submitted it is its decision. Its
     * coverage is cleared for the import to write anew.
     */
    void completeDraft(Connection connection, long id, SubmissionSummary written) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE submission SET added = ?, revised = ?, unchanged = ?,"
                + " retired = ?, warnings = ?, rows_read = ?, status = 'submitted', submitted_at = ?, status_by = ?, status_at = ?,"
                + " status_reason = NULL WHERE id = ? AND status = 'draft'")) {
            statement.setInt(1, written.added());
            statement.setInt(2, written.revised());
            statement.setInt(3, written.unchanged());
            statement.setInt(4, written.retired());
            statement.setInt(5, written.warnings());
            statement.setInt(6, written.rowsRead());
            statement.setTimestamp(7, Timestamp.from(written.submittedAt()));
            statement.setString(8, written.submittedBy());
            statement.setObject(9, written.submittedAt().atOffset(java.time.ZoneOffset.UTC));
            statement.setLong(10, id);
            if (statement.executeUpdate() != 1) {
                throw new SQLException("submission " + id + " is no longer a draft");
            }
        }
        // The draft's coverage was of its file as drafted; the import writes it again from what it wrote.
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM submission_coverage WHERE submission_id = ?")) {
            statement.setLong(1, id);
            statement.executeUpdate();
        }
    }

    void insertDraft(Connection connection, long submissionId, byte[] content) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO submission_draft (submission_id, content) VALUES (?, ?)")) {
            statement.setLong(1, submissionId);
            statement.setBytes(2, content);
            statement.executeUpdate();
        }
    }

    /** A draft's file as it was sent. */
    public Optional<byte[]> draftContent(Connection connection, long submissionId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT content FROM submission_draft WHERE submission_id = ?")) {
            statement.setLong(1, submissionId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        }
    }

    private static List<SubmissionSummary> read(PreparedStatement statement) throws SQLException {
        List<SubmissionSummary> out = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                int c = 1;
                out.add(new SubmissionSummary(rs.getLong(c++), rs.getString(c++), rs.getString(c++), rs.getString(c++), rs.getString(c++),
                        rs.getObject(c++, LocalDate.class), rs.getBoolean(c++), rs.getInt(c++), rs.getInt(c++), rs.getInt(c++),
                        rs.getInt(c++), rs.getInt(c++), rs.getInt(c++), rs.getBoolean(c++), rs.getString(c++), rs.getString(c++),
                        rs.getTimestamp(c++).toInstant(), decision(rs, c)));
            }
        }
        return out;
    }

    private static SubmissionSummary.Decision decision(ResultSet rs, int c) throws SQLException {
        String by = rs.getString(c);
        if (by == null) {
            return null;
        }
        java.time.OffsetDateTime at = rs.getObject(c + 1, java.time.OffsetDateTime.class);
        return new SubmissionSummary.Decision(by, at == null ? null : at.toInstant(), rs.getString(c + 2));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
