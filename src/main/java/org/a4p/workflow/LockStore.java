package org.a4p.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * All SQL on {@code period_lock} and {@code record_type_guard}, on the caller's connection. A
 * lock is a mission-month of a record type that an approved submission holds.
 */
public final class LockStore {
    /** A mission-month of one record type. */
    public record MissionMonth(String mission, String month) {}

    /** A lock on a mission-month, with the approval that holds it. */
    public record Lock(String mission, String month, long submissionId, String approvedBy, java.time.Instant approvedAt) {}

    /**
     * Locks the type's row of {@code record_type_guard} until the transaction ends: every import's
     * write and every workflow step of a type takes it first, so a lock check never races an approval.
     */
    public void guard(Connection connection, String recordType) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT record_type FROM record_type_guard WHERE record_type = ? FOR UPDATE")) {
            statement.setString(1, recordType);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("record type " + recordType + " has no row in record_type_guard (the record tables were not ensured)");
                }
            }
        }
    }

    /**
     * Takes the guard of every record type, in name order (so that two callers never wait on each
     * other): imports and workflow steps wait until the transaction ends.
     */
    public void guardAll(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT record_type FROM record_type_guard ORDER BY record_type FOR UPDATE");
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rs.getString(1);
            }
        }
    }

    /** Locks every mission-month the submission covers. */
    public int lock(Connection connection, String recordType, long submissionId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO period_lock (record_type, mission, period_month, submission_id)"
                        + " SELECT ?, mission, period_month, submission_id FROM submission_coverage WHERE submission_id = ?")) {
            statement.setString(1, recordType);
            statement.setLong(2, submissionId);
            return statement.executeUpdate();
        }
    }

    /** Lifts the locks a submission holds; others' locks on the same months stay. */
    public int unlock(Connection connection, long submissionId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM period_lock WHERE submission_id = ?")) {
            statement.setLong(1, submissionId);
            return statement.executeUpdate();
        }
    }

    /** The locks on any of the mission-months, earliest month first. */
    public List<Lock> locksAmong(Connection connection, String recordType, Collection<MissionMonth> months) throws SQLException {
        List<Lock> out = new ArrayList<>();
        if (months.isEmpty()) {
            return out;
        }
        // One query for the type's locks, filtered here: a whole dataset covers thousands of months.
        java.util.Set<MissionMonth> wanted = new java.util.HashSet<>(months);
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT l.mission, l.period_month, l.submission_id, s.status_by, s.status_at FROM period_lock l"
                        + " JOIN submission s ON s.id = l.submission_id WHERE l.record_type = ? ORDER BY l.period_month, l.mission")) {
            statement.setString(1, recordType);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (wanted.contains(new MissionMonth(rs.getString(1), rs.getString(2)))) {
                        java.sql.Timestamp at = rs.getTimestamp(5);
                        out.add(new Lock(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), at == null ? null : at.toInstant()));
                    }
                }
            }
        }
        return out;
    }

    /** How many mission-months a submission locks. */
    public int count(Connection connection, long submissionId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM period_lock WHERE submission_id = ?")) {
            statement.setLong(1, submissionId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
