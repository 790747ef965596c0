package org.a4p.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.a4p.orgunit.Scope;
import org.a4p.pack.Pack;
import org.a4p.pack.RecordType;
import org.a4p.records.RecordStore;
import org.a4p.records.RecordValues;

/**
 * Writes the system's own records, from which the DATA indicators are computed: one
 * {@code import_attempt} per file an import was asked to take; for record types owed monthly, the
 * {@code reporting_status} of every active peacekeeping operation and month; for record types with
 * a site field, the {@code location_coverage} of every mission and month. Every record is built by
 * field name, so the order of the fields in the pack does not matter.
 */
final class DataQualityLedger {
    static final String ATTEMPTS = "import_attempt";
    static final String REPORTING = "reporting_status";
    static final String LOCATION = "location_coverage";

    private final Pack pack;
    private final Dialect dialect;

    DataQualityLedger(Pack pack, Dialect dialect) {
        this.pack = pack;
        this.dialect = dialect;
    }

    /**
     * One file as the ledger sees it. {@code mission} and {@code month} are those most of its rows
     * name ({@code month} null when no row's date could be read); with the record type they identify
     * the submission the file was an attempt at.
     */
    record Attempt(long submissionId, String mission, YearMonth month, int rowsRead, int rowsWarned, long errors,
            long recordsWritten, long recordsFlagged, boolean rejected) {}

    boolean enabled() {
        return pack.recordType(ATTEMPTS).isPresent();
    }

    /**
     * Writes the attempts in order; each is a first attempt when no earlier one, in the store or
     * earlier in the list, had the same record type, mission and month.
     */
    void recordAttempts(Connection connection, String recordType, List<Attempt> attempts, Instant at, boolean synthetic)
            throws SQLException {
        RecordType type = pack.recordType(ATTEMPTS).orElseThrow();
        LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
        RecordStore store = new RecordStore(dialect);
        for (Attempt attempt : attempts) {
            LocalDate month = attempt.month() == null ? null : attempt.month().atEndOfMonth();
            Map<String, Object> values = new HashMap<>();
            values.put("attempt_id", Long.toString(attempt.submissionId()));
            values.put("attempted_on", day);
            values.put("mission", attempt.mission());
            values.put("record_type", recordType);
            values.put("rows_read", (long) attempt.rowsRead());
            values.put("errors", attempt.errors());
            values.put("rejected", attempt.rejected());
            values.put("records_month", month);
            values.put("first_attempt", month == null ? null : !attemptedBefore(connection, type, recordType, attempt.mission(), month));
            values.put("records_written", attempt.recordsWritten());
            values.put("records_flagged", attempt.recordsFlagged());
            values.put("rows_warned", (long) attempt.rowsWarned());
            store.insert(connection, type, List.<Object[]>of(RecordValues.byName(type, values)), attempt.submissionId(), synthetic);
        }
    }

    private boolean attemptedBefore(Connection connection, RecordType type, String recordType, String mission, LocalDate month)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM " + type.tableName()
                + " WHERE " + dialect.quote("record_type") + " = ? AND " + dialect.quote("mission") + " = ? AND "
                + dialect.quote("records_month") + " = ?")) {
            statement.setString(1, recordType);
            statement.setString(2, mission);
            statement.setObject(3, month);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /** The records a submission wrote that are flagged; this reads the whole table, so call it only when flags were allowed. */
    long flaggedBy(Connection connection, RecordType written, long submissionId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COUNT(*) FROM " + written.tableName() + " WHERE submission_id = ? AND flagged")) {
            statement.setLong(1, submissionId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
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
            if (!pack.orgUnits().scope(unit.scope()).map(Scope::reportsMonthly).orElse(false) || unit.start() == null) {
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
                Map<String, Object> values = new HashMap<>();
                values.put("report_month", end);
                values.put("mission", unit.code());
                values.put("record_type", owed.id());
                values.put("records", records);
                values.put("first_submitted_on", first);
                values.put("days_after_period", first == null ? null : ChronoUnit.DAYS.between(end, first));
                rows.add(RecordValues.byName(type, values));
            }
        }
        new RecordStore(dialect).insert(connection, type, rows, submissionId, false);
    }

    /**
     * Recomputes the location coverage of a record type with a site field for the years given (and
     * those between): per mission and month, the current records and those of them that name a
     * site. A row is synthetic when any of its records is. Returns false when there is nothing to
     * compute (no site field, or a pack without the coverage type).
     */
    boolean refreshLocations(Connection connection, RecordType located, Set<Integer> years, long submissionId) throws SQLException {
        if (located.siteField() == null || years.isEmpty() || pack.recordType(LOCATION).isEmpty()) {
            return false;
        }
        RecordType type = pack.recordType(LOCATION).orElseThrow();
        LocalDate from = LocalDate.of(years.stream().min(Integer::compare).orElseThrow(), 1, 1);
        LocalDate to = LocalDate.of(years.stream().max(Integer::compare).orElseThrow() + 1, 1, 1);
        String date = dialect.quote(located.dateField());
        String mission = dialect.quote(located.missionField());
        String groups = "r." + mission + ", EXTRACT(YEAR FROM r." + date + "), EXTRACT(MONTH FROM r." + date + ")";
        List<Object[]> real = new ArrayList<>();
        List<Object[]> synthetic = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + groups + ", COUNT(*), COUNT(r." + dialect.quote(located.siteField()) + "),"
                        + " MAX(CASE WHEN r.synthetic THEN 1 ELSE 0 END)"
                        + " FROM " + located.tableName() + " r WHERE r.retired_by IS NULL AND r." + date + " >= ? AND r." + date + " < ?"
                        + " GROUP BY " + groups)) {
            statement.setObject(1, from);
            statement.setObject(2, to);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> values = new HashMap<>();
                    values.put("record_month", YearMonth.of(rs.getInt(2), rs.getInt(3)).atEndOfMonth());
                    values.put("mission", rs.getString(1));
                    values.put("record_type", located.id());
                    values.put("records", rs.getLong(4));
                    values.put("located", rs.getLong(5));
                    (rs.getInt(6) == 1 ? synthetic : real).add(RecordValues.byName(type, values));
                }
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + type.tableName()
                + " WHERE " + dialect.quote("record_type") + " = ? AND " + dialect.quote("record_month") + " >= ? AND "
                + dialect.quote("record_month") + " < ?")) {
            delete.setString(1, located.id());
            delete.setObject(2, from);
            delete.setObject(3, to);
            delete.executeUpdate();
        }
        RecordStore store = new RecordStore(dialect);
        store.insert(connection, type, real, submissionId, false);
        store.insert(connection, type, synthetic, submissionId, true);
        return true;
    }
}
