package org.a4p.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** All SQL on the {@code submission} and {@code submission_change} tables, on the caller's connection and transaction. */
public final class SubmissionStore {
    private static final String COLUMNS = "record_type, file_name, content_sha256, layout, snapshot_date, whole_dataset, rows_read,"
            + " added, revised, unchanged, retired, warnings, synthetic, status, submitted_by, submitted_at";
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
        try (PreparedStatement statement = connection.prepareStatement("SELECT id, " + COLUMNS + " FROM submission"
                + (recordType == null ? "" : " WHERE record_type = ?") + " ORDER BY id DESC")) {
            if (recordType != null) {
                statement.setString(1, recordType);
            }
            statement.setMaxRows(limit);
            return read(statement);
        }
    }

    public Optional<SubmissionSummary> find(Connection connection, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT id, " + COLUMNS + " FROM submission WHERE id = ?")) {
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
                "SELECT content_sha256 FROM submission WHERE record_type = ? AND file_name = ? AND status = 'submitted' ORDER BY id DESC")) {
            statement.setString(1, recordType);
            statement.setString(2, fileName);
            statement.setMaxRows(1);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
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
                        rs.getTimestamp(c).toInstant()));
            }
        }
        return out;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
