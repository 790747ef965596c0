package org.a4p.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.a4p.db.Dialect;
import org.a4p.orgunit.OrgUnits;
import org.a4p.pack.Field;
import org.a4p.pack.Plausibility;
import org.a4p.pack.RecordType;
import org.a4p.records.RecordStore;

/**
 * Judges an import by the type's plausibility rules once its records are written, inside its
 * transaction, so that the figures judged are those the import would leave: the current records
 * stored before it, with its own records in place of those they revise. Each group and month that
 * the import adds to or revises is compared with the same group's preceding months; the import's
 * own records arrive by {@link #changed}, the others are read back for the months needed only.
 */
final class PlausibilityCheck {
    /** Findings listed; an import with more says how many more. */
    static final int SHOWN = 100;

    private final RecordType type;
    private final Dialect dialect;
    private final List<PlausibilityLevel> levels = new ArrayList<>();
    private final int[] fieldsRead;

    PlausibilityCheck(RecordType type, OrgUnits orgUnits, Dialect dialect) {
        this.type = type;
        this.dialect = dialect;
        Set<Integer> read = new TreeSet<>();
        for (Plausibility rule : type.plausibility()) {
            for (List<String> tokens : rule.levels()) {
                PlausibilityLevel level = new PlausibilityLevel(type, orgUnits, rule, tokens);
                levels.add(level);
                read.addAll(level.fieldsRead());
            }
        }
        this.fieldsRead = read.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Takes a record this import adds or revises, from the given file and row. */
    void changed(Object[] values, String file, long row) {
        for (PlausibilityLevel level : levels) {
            level.add(values, file, row);
        }
    }

    /**
     * Reads the other current records of the months the rules need (the changed months and their
     * history), unless nothing was stored before the import, and returns every changed group and
     * month found implausible, rule by rule.
     */
    List<PlausibilityFinding> judge(Connection connection, List<Long> importSubmissions, boolean storedBefore) throws SQLException {
        Set<Integer> months = new TreeSet<>();
        for (PlausibilityLevel level : levels) {
            for (int month : level.changedMonths()) {
                for (int m = month - level.rule().historyMonths(); m <= month; m++) {
                    months.add(m);
                }
            }
        }
        if (months.isEmpty()) {
            return List.of();
        }
        if (storedBefore) {
            scan(connection, false, importSubmissions, months, (id, values) -> {
                for (PlausibilityLevel level : levels) {
                    level.add(values, null, 0);
                }
            });
        }
        List<PlausibilityFinding> out = new ArrayList<>();
        levels.forEach(level -> out.addAll(level.judge()));
        return out;
    }

    /** Flags this import's records of the groups and months found implausible, which the user accepted. */
    void flag(Connection connection, List<PlausibilityFinding> findings, List<Long> importSubmissions, RecordStore store)
            throws SQLException {
        Map<PlausibilityLevel, Set<String>> keys = new HashMap<>();
        Set<Integer> months = new TreeSet<>();
        for (PlausibilityFinding finding : findings) {
            keys.computeIfAbsent(finding.level(), l -> new java.util.HashSet<>()).add(finding.key());
            months.add(finding.month());
        }
        List<Long> ids = new ArrayList<>();
        scan(connection, true, importSubmissions, months, (id, values) -> {
            for (Map.Entry<PlausibilityLevel, Set<String>> entry : keys.entrySet()) {
                if (entry.getValue().contains(entry.getKey().key(values))) {
                    ids.add(id);
                    return;
                }
            }
        });
        store.flag(connection, type, ids);
    }

    /**
     * One issue per group and month found implausible, at most {@link #SHOWN}; the advice depends on
     * whether the user accepted them. Accepted, a last warning counts the rest (a rejection carries the count).
     */
    static List<RowIssue> issues(List<PlausibilityFinding> findings, boolean accepted) {
        String advice = accepted ? "; accepted on request and flagged in every figure that uses these rows"
                : ". Check these rows; to accept them as reported, import again with --accept-implausible and they will be"
                        + " flagged in every figure that uses them";
        List<RowIssue> out = new ArrayList<>();
        for (PlausibilityFinding finding : findings.subList(0, Math.min(SHOWN, findings.size()))) {
            out.add(new RowIssue(finding.tally().rows.firstFile(), 0, null, null, finding.text() + advice));
        }
        if (accepted && findings.size() > SHOWN) {
            out.add(new RowIssue(out.get(0).file(), 0, null, null, PlausibilityFinding.IMPLAUSIBLE + ": " + (findings.size() - SHOWN)
                    + " more groups and months, not listed" + advice));
        }
        return out;
    }

    private interface StoredRow {
        void accept(long id, Object[] values);
    }

    /** The current records of the given months, written by this import's submissions ({@code ours}) or not. */
    private void scan(Connection connection, boolean ours, List<Long> importSubmissions, Set<Integer> months, StoredRow each)
            throws SQLException {
        List<Field> fields = type.fields();
        String date = dialect.quote(type.dateField());
        List<int[]> ranges = ranges(months);
        String columns = java.util.Arrays.stream(fieldsRead).mapToObj(i -> dialect.quote(fields.get(i).name()))
                .collect(Collectors.joining(", "));
        String sql = "SELECT id, " + columns + " FROM " + type.tableName() + " WHERE retired_by IS NULL AND submission_id"
                + (ours ? " IN (" : " NOT IN (") + importSubmissions.stream().map(s -> "?").collect(Collectors.joining(", "))
                + ") AND (" + ranges.stream().map(r -> "(" + date + " >= ? AND " + date + " < ?)").collect(Collectors.joining(" OR "))
                + ")" + whereSql();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int p = 1;
            for (long submission : importSubmissions) {
                statement.setLong(p++, submission);
            }
            for (int[] range : ranges) {
                statement.setObject(p++, firstDay(range[0]));
                statement.setObject(p++, firstDay(range[1]));
            }
            for (String code : whereCodes()) {
                statement.setString(p++, code);
            }
            statement.setFetchSize(10_000);
            try (ResultSet rs = statement.executeQuery()) {
                Object[] values = new Object[fields.size()];
                while (rs.next()) {
                    for (int i = 0; i < fieldsRead.length; i++) {
                        Object value = rs.getObject(i + 2);
                        values[fieldsRead[i]] = value instanceof java.sql.Date day ? day.toLocalDate() : value;
                    }
                    each.accept(rs.getLong(1), values);
                }
            }
        }
    }

    /**
     * The rules' {@code where} in SQL, so that only the records some rule takes are read: empty when
     * a rule takes every record. The codes are bound in the order of {@link #whereCodes()}.
     */
    private String whereSql() {
        List<Plausibility> rules = type.plausibility();
        if (rules.stream().anyMatch(r -> r.where().isEmpty())) {
            return "";
        }
        return " AND (" + rules.stream().map(r -> "(" + new java.util.TreeMap<>(r.where()).entrySet().stream()
                .map(e -> dialect.quote(e.getKey()) + " IN (" + e.getValue().stream().map(c -> "?").collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining(" AND ")) + ")").collect(Collectors.joining(" OR ")) + ")";
    }

    private List<String> whereCodes() {
        List<Plausibility> rules = type.plausibility();
        if (rules.stream().anyMatch(r -> r.where().isEmpty())) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        rules.forEach(r -> new java.util.TreeMap<>(r.where()).values().forEach(codes -> out.addAll(new TreeSet<>(codes))));
        return out;
    }

    /** Runs of consecutive months, each as {first, one past the last}. */
    private static List<int[]> ranges(Set<Integer> months) {
        List<int[]> out = new ArrayList<>();
        for (int month : months) {
            if (!out.isEmpty() && out.get(out.size() - 1)[1] == month) {
                out.get(out.size() - 1)[1] = month + 1;
            } else {
                out.add(new int[] {month, month + 1});
            }
        }
        return out;
    }

    private static LocalDate firstDay(int month) {
        return LocalDate.of(month / 12, month % 12 + 1, 1);
    }
}
