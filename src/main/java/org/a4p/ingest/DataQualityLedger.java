package org.a4p.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.a4p.db.Dialect;
import org.a4p.orgunit.OrgUnit;
import org.a4p.orgunit.OrgUnits;
import org.a4p.pack.Pack;
import org.a4p.pack.RecordType;
import org.a4p.records.RecordStore;

/**
 * Writes the system's own records, from which the DATA indicators are computed: one
 * {@code import_attempt} per file an import was asked to take, and, for record types owed monthly,
 * the {@code reporting_status} of every active peacekeeping operation and month.
 */
final class DataQualityLedger {
    static final String ATTEMPTS = "import_attempt";
    static final String REPORTING = "reporting_status";

    private final Pack pack;
    private final Dialect dialect;

    DataQualityLedger(Pack pack, Dialect dialect) {
        this.pack = pack;
        this.dialect = dialect;
    }

    /** One file as the ledger sees it. */
    record Attempt(long submissionId, String fileName, String mission, int rowsRead, long errors, boolean rejected) {}

    boolean enabled() {
        return pack.recordType(ATTEMPTS).isPresent();
    }

    void recordAttempts(Connection connection, String recordType, List<Attempt> attempts, Instant at) throws SQLException {
        RecordType type = pack.recordType(ATTEMPTS).orElseThrow();
        LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
        for (Attempt attempt : attempts) {
            Object[] values = {Long.toString(attempt.submissionId()), day, attempt.mission(), recordType, (long) attempt.rowsRead(),
                attempt.errors(), attempt.rejected()};
            new RecordStore(dialect).insert(connection, type, List.<Object[]>of(values), attempt.submissionId(), false);
        }
    }

    /** Inserts a submission row for a rejected file, so the attempt is on record; returns its id. */
    static long rejectedSubmission(Connection connection, String recordType, String fileName, int rowsRead, String user, Instant at)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO submission (record_type, file_name, content_sha256, layout, snapshot_date, whole_dataset, rows_read,"
                        + " added, revised, unchanged, retired, warnings, synthetic, status, submitted_by, submitted_at)"
                        + " VALUES (?, ?, ?, '', NULL, FALSE, ?, 0, 0, 0, 0, 0, FALSE, 'rejected', ?, ?)",
                java.sql.Statement.RETURN_GENERATED_KEYS)) {
            statement.setString(1, recordType);
            statement.setString(2, fileName);
            statement.setString(3, "-".repeat(64));
            statement.setInt(4, rowsRead);
            statement.setString(5, user);
            statement.setTimestamp(6, Timestamp.from(at));
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /**
     * Recomputes the reporting status of a monthly record type for the years given: every active
     * peacekeeping operation and month up to the current one, with the records that arrived and
     * the days from the month's end to the submission that wrote them (the earliest of those).
     */
    void refreshReporting(Connection connection, RecordType owed, Set<Integer> years, long submissionId) throws SQLException {
        RecordType type = pack.recordType(REPORTING).orElseThrow();
        int from = years.stream().min(Integer::compare).orElseThrow();
        int to = years.stream().max(Integer::compare).orElseThrow();
        String date = dialect.quote(owed.dateField());
        String mission = dialect.quote(owed.missionField());
        Map<String, long[]> found = new HashMap<>();
        Map<String, LocalDate> firstSubmitted = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT r." + mission + ", EXTRACT(YEAR FROM r." + date + "), EXTRACT(MONTH FROM r." + date + "), COUNT(*), MIN(s.submitted_at)"
                        + " FROM " + owed.tableName() + " r JOIN submission s ON s.id = r.submission_id"
                        + " WHERE r.retired_by IS NULL AND r." + date + " >= ? AND r." + date + " < ?"
                        + " GROUP BY r." + mission + ", EXTRACT(YEAR FROM r." + date + "), EXTRACT(MONTH FROM r." + date + ")")) {
            statement.setObject(1, LocalDate.of(from, 1, 1));
            statement.setObject(2, LocalDate.of(to + 1, 1, 1));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1) + "|" + rs.getInt(2) + "-" + rs.getInt(3);
                    found.put(key, new long[] {rs.getLong(4)});
                    firstSubmitted.put(key, rs.getTimestamp(5).toInstant().atOffset(ZoneOffset.UTC).toLocalDate());
                }
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + type.tableName()
                + " WHERE " + dialect.quote("record_type") + " = ? AND " + dialect.quote("report_month") + " >= ? AND "
                + dialect.quote("report_month") + " < ?")) {
            delete.setString(1, owed.id());
            delete.setObject(2, LocalDate.of(from, 1, 1));
            delete.setObject(3, LocalDate.of(to + 1, 1, 1));
            delete.executeUpdate();
        }
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        List<Object[]> rows = new ArrayList<>();
        for (OrgUnit unit : pack.orgUnits().missions()) {
            if (!OrgUnits.PKO.equals(unit.scope()) || unit.start() == null) {
                continue;
            }
            for (YearMonth month = YearMonth.of(from, 1); !month.isAfter(YearMonth.of(to, 12)) && month.isBefore(now);
                    month = month.plusMonths(1)) {
                LocalDate end = month.atEndOfMonth();
                if (unit.start().isAfter(end) || (unit.end() != null && unit.end().isBefore(month.atDay(1)))) {
                    continue;
                }
                String key = unit.code() + "|" + month.getYear() + "-" + month.getMonthValue();
                long records = found.containsKey(key) ? found.get(key)[0] : 0;
                LocalDate first = firstSubmitted.get(key);
                rows.add(new Object[] {end, unit.code(), owed.id(), records, first,
                    first == null ? null : ChronoUnit.DAYS.between(end, first)});
            }
        }
        new RecordStore(dialect).insert(connection, type, rows, submissionId, false);
    }
}
