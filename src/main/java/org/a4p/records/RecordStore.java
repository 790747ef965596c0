package org.a4p.records;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.a4p.db.Batches;
import org.a4p.db.BulkInsert;
import org.a4p.db.Dialect;
import org.a4p.pack.Field;
import org.a4p.pack.RecordType;

/**
 * Reads and writes the rows of record tables inside a transaction the caller owns. Earlier
 * versions of revised or retired records go to {@code record_history}, so nothing is lost.
 */
public final class RecordStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Dialect dialect;

    public RecordStore(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Every stored record of the type (retired ones too) by natural key. */
    public Map<String, StoredRecord> stored(Connection connection, RecordType type) throws SQLException {
        int[] keyIndexes = RecordValues.keyIndexes(type);
        String keyColumns = type.key().stream().map(dialect::quote).collect(Collectors.joining(", "));
        Map<String, StoredRecord> out = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, row_hash, row_version, retired_by, " + keyColumns + " FROM " + type.tableName())) {
            statement.setFetchSize(10_000);
            try (ResultSet rs = statement.executeQuery()) {
                Object[] values = new Object[type.fields().size()];
                while (rs.next()) {
                    for (int i = 0; i < keyIndexes.length; i++) {
                        values[keyIndexes[i]] = RecordValues.normalise(rs.getObject(5 + i));
                    }
                    rs.getLong(4);
                    boolean retired = !rs.wasNull();
                    out.put(RecordValues.key(type, keyIndexes, values),
                            new StoredRecord(rs.getLong(1), rs.getLong(2), rs.getInt(3), retired));
                }
            }
        }
        return out;
    }

    /** Inserts new records, not flagged and not provisional: the system's own records, which need no approval. */
    public void insert(Connection connection, RecordType type, List<Object[]> rows, long submissionId, boolean synthetic)
            throws SQLException {
        insert(connection, type, rows, submissionId, synthetic, false);
    }

    /** Inserts new records, not flagged; {@code provisional} until their submission is approved. */
    public void insert(Connection connection, RecordType type, List<Object[]> rows, long submissionId, boolean synthetic,
            boolean provisional) throws SQLException {
        List<Field> fields = type.fields();
        List<String> columns = new ArrayList<>(fields.stream().map(f -> dialect.quote(f.name())).toList());
        columns.addAll(List.of("row_hash", "row_version", "submission_id", "synthetic", "flagged", "provisional"));
        int count = fields.size();
        new BulkInsert(dialect).run(connection, type.tableName(), columns, rows, (row, values) -> {
            for (int i = 0; i < count; i++) {
                values[i] = bindable(row[i]);
            }
            values[count] = RecordValues.hash(row);
            values[count + 1] = 1;
            values[count + 2] = submissionId;
            values[count + 3] = synthetic;
            values[count + 4] = Boolean.FALSE;
            values[count + 5] = provisional;
        });
    }

    private static Object bindable(Object value) {
        return value == null || value instanceof LocalDate || value instanceof java.time.LocalDateTime || value instanceof Long
                || value instanceof Double || value instanceof Boolean ? value : value.toString();
    }

    /** Overwrites stored records with new versions (not flagged, provisional until approved), keeping the old ones in the history. */
    public void revise(Connection connection, RecordType type, List<Revision> revisions, long submissionId, boolean synthetic)
            throws SQLException {
        List<Field> fields = type.fields();
        String assignments = fields.stream().map(f -> dialect.quote(f.name()) + " = ?").collect(Collectors.joining(", "));
        String sql = "UPDATE " + type.tableName() + " SET " + assignments
                + ", row_hash = ?, row_version = row_version + 1, submission_id = ?, synthetic = ?, flagged = FALSE, retired_by = NULL,"
                + " provisional = TRUE WHERE id = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Batches.run(statement, revisions, (st, revision) -> {
                int p = bindFields(st, fields, revision.values());
                st.setLong(p++, RecordValues.hash(revision.values()));
                st.setLong(p++, submissionId);
                st.setBoolean(p++, synthetic);
                st.setLong(p, revision.id());
            });
        }
    }

    /** Marks records accepted despite a plausibility rule: every figure that uses them is flagged. */
    public void flag(Connection connection, RecordType type, List<Long> ids) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE " + type.tableName() + " SET flagged = TRUE WHERE id = ?")) {
            Batches.run(statement, ids, (st, id) -> st.setLong(1, id));
        }
    }

    /** Takes records out of the figures without deleting them. */
    public void retire(Connection connection, RecordType type, List<Long> ids, long submissionId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE " + type.tableName() + " SET retired_by = ? WHERE id = ?")) {
            Batches.run(statement, ids, (st, id) -> {
                st.setLong(1, submissionId);
                st.setLong(2, id);
            });
        }
    }

    /** A new version of a stored record. */
    public record Revision(long id, Object[] values) {}

    /** Every column of a records table, named: the table and its approved twin may hold them in different orders. */
    public String allColumns(RecordType type) {
        return "id, " + type.fields().stream().map(f -> dialect.quote(f.name())).collect(Collectors.joining(", "))
                + ", row_hash, row_version, submission_id, synthetic, flagged, retired_by, provisional";
    }

    /**
     * Makes a submission's records approved: the versions it wrote that are still current replace
     * their approved copies, and the records it retired are retired in the approved table too. A
     * version a later submission has since replaced is not copied: that submission's approval will.
     * Returns the records copied and retired.
     */
    public int approve(Connection connection, RecordType type, long submissionId) throws SQLException {
        String current = type.tableName();
        String approved = type.approvedTableName();
        int changed = 0;
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + approved + " WHERE id IN (SELECT id FROM "
                + current + " WHERE submission_id = ?)")) {
            delete.setLong(1, submissionId);
            delete.executeUpdate();
        }
        String columns = allColumns(type);
        // A retirement a later submission made is not approved with this one.
        String copied = columns.replace(", retired_by, provisional", ", CAST(NULL AS BIGINT), FALSE");
        try (PreparedStatement copy = connection.prepareStatement("INSERT INTO " + approved + " (" + columns + ") SELECT " + copied
                + " FROM " + current + " WHERE submission_id = ?")) {
            copy.setLong(1, submissionId);
            changed += copy.executeUpdate();
        }
        try (PreparedStatement retire = connection.prepareStatement("UPDATE " + approved + " SET retired_by = ? WHERE id IN (SELECT id FROM "
                + current + " WHERE retired_by = ?)")) {
            retire.setLong(1, submissionId);
            retire.setLong(2, submissionId);
            changed += retire.executeUpdate();
        }
        try (PreparedStatement settle = connection.prepareStatement("UPDATE " + current + " SET provisional = FALSE WHERE submission_id = ?")) {
            settle.setLong(1, submissionId);
            settle.executeUpdate();
        }
        return changed;
    }

    /** The current field values of the given records, by id. */
    public Map<Long, Object[]> load(Connection connection, RecordType type, List<Long> ids) throws SQLException {
        Map<Long, Object[]> out = new HashMap<>();
        List<Field> fields = type.fields();
        String columns = fields.stream().map(f -> dialect.quote(f.name())).collect(Collectors.joining(", "));
        for (int start = 0; start < ids.size(); start += 500) {
            List<Long> chunk = ids.subList(start, Math.min(ids.size(), start + 500));
            String marks = chunk.stream().map(i -> "?").collect(Collectors.joining(", "));
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id, " + columns + " FROM " + type.tableName() + " WHERE id IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    statement.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        Object[] values = new Object[fields.size()];
                        for (int f = 0; f < fields.size(); f++) {
                            values[f] = RecordValues.normalise(rs.getObject(f + 2));
                        }
                        out.put(rs.getLong(1), values);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Copies the current versions of records into the history before they change, and returns
     * those versions by id.
     */
    public Map<Long, Object[]> keepHistory(Connection connection, RecordType type, List<Long> ids, long replacedBy)
            throws SQLException {
        Map<Long, Object[]> current = load(connection, type, ids);
        Map<Long, long[]> versions = new HashMap<>();
        for (int start = 0; start < ids.size(); start += 500) {
            List<Long> chunk = ids.subList(start, Math.min(ids.size(), start + 500));
            String marks = chunk.stream().map(i -> "?").collect(Collectors.joining(", "));
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id, row_version, submission_id FROM " + type.tableName() + " WHERE id IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    statement.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        versions.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                    }
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO record_history (record_type, record_id, row_version, data_json, written_by, replaced_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")) {
            Batches.run(statement, ids, (st, id) -> {
                st.setString(1, type.id());
                st.setLong(2, id);
                st.setInt(3, (int) versions.get(id)[0]);
                st.setString(4, toJson(type, current.get(id)));
                st.setLong(5, versions.get(id)[1]);
                st.setLong(6, replacedBy);
            });
        }
        return current;
    }

    static String toJson(RecordType type, Object[] values) {
        ObjectNode node = JSON.createObjectNode();
        List<Field> fields = type.fields();
        for (int i = 0; i < fields.size(); i++) {
            node.put(fields.get(i).name(), values[i] == null ? null : RecordValues.text(values[i]));
        }
        return node.toString();
    }

    /** Counts of current (not retired) records per type, for status output. */
    public long countCurrent(Connection connection, RecordType type) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COUNT(*) FROM " + type.tableName() + " WHERE retired_by IS NULL");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The current (not retired) records of a type in the order they were first stored, each as
     * field name to value for the named fields only, so a field left out is never read. {@code
     * missions} limits them to those missions; null reads every mission's.
     */
    public List<Map<String, Object>> current(Connection connection, RecordType type, List<String> fields,
            Collection<String> missions, long offset, int limit) throws SQLException {
        if (missions != null && missions.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT ")
                .append(fields.isEmpty() ? "id" : fields.stream().map(dialect::quote).collect(Collectors.joining(", ")))
                .append(" FROM ").append(type.tableName()).append(" WHERE retired_by IS NULL");
        if (missions != null) {
            sql.append(" AND ").append(dialect.quote(type.missionField())).append(" IN (")
                    .append(missions.stream().map(m -> "?").collect(Collectors.joining(", "))).append(")");
        }
        sql.append(" ORDER BY id LIMIT ? OFFSET ?");
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int p = 1;
            for (String mission : missions == null ? List.<String>of() : missions) {
                statement.setString(p++, mission);
            }
            statement.setInt(p++, limit);
            statement.setLong(p, offset);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> record = new LinkedHashMap<>();
                    for (int i = 0; i < fields.size(); i++) {
                        record.put(fields.get(i), RecordValues.normalise(rs.getObject(i + 1)));
                    }
                    out.add(record);
                }
            }
        }
        return out;
    }


    private static int bindFields(PreparedStatement statement, List<Field> fields, Object[] row) throws SQLException {
        int p = 1;
        for (int i = 0; i < fields.size(); i++) {
            Object value = row[i];
            if (value == null) {
                statement.setNull(p++, sqlType(fields.get(i)));
            } else if (value instanceof LocalDate date) {
                statement.setObject(p++, date);
            } else if (value instanceof java.time.LocalDateTime time) {
                statement.setObject(p++, time);
            } else if (value instanceof Long l) {
                statement.setLong(p++, l);
            } else if (value instanceof Double d) {
                statement.setDouble(p++, d);
            } else if (value instanceof Boolean b) {
                statement.setBoolean(p++, b);
            } else {
                statement.setString(p++, value.toString());
            }
        }
        return p;
    }

    private static int sqlType(Field field) {
        return switch (field.type()) {
            case DATE -> Types.DATE;
            case TIMESTAMP -> Types.TIMESTAMP;
            case INTEGER -> Types.BIGINT;
            case DECIMAL -> Types.DOUBLE;
            case BOOLEAN -> Types.BOOLEAN;
            default -> Types.VARCHAR;
        };
    }

}
