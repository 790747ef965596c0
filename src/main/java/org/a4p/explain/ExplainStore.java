package org.a4p.explain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.a4p.db.Batches;
import org.a4p.db.Dialect;
import org.a4p.pack.Field;
import org.a4p.pack.RecordType;
import org.a4p.records.RecordTables;
import org.a4p.records.RecordValues;
import org.a4p.records.StoreException;

/**
 * The SQL of explaining a value: reading records' current rows and earlier versions, and the
 * connection's scratch table per record type that holds the records as they stood after one
 * submission, for the engine to compute from.
 */
final class ExplainStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Dialect dialect;

    ExplainStore(Dialect dialect) {
        this.dialect = dialect;
    }

    /** A record's row now: its current version, and the submission that retired it (null when live). */
    record Current(long id, RecordVersions.Version version, Long retiredBy) {}

    /** An earlier version of a record, and the submission that replaced (revised or retired) it. */
    record Earlier(long recordId, RecordVersions.Version version, long replacedBy) {}

    /** The current rows of a type dated from {@code from} (inclusive) to {@code to} (exclusive). */
    List<Current> currentBetween(Connection connection, RecordType type, LocalDate from, LocalDate to) throws SQLException {
        String date = dialect.quote(type.dateField());
        try (PreparedStatement statement = connection.prepareStatement(select(type) + " WHERE " + date + " >= ? AND " + date + " < ?")) {
            statement.setObject(1, from);
            statement.setObject(2, to);
            return readCurrent(statement, type);
        }
    }

    /** The current rows of the given records of a type. */
    List<Current> current(Connection connection, RecordType type, Collection<Long> ids) throws SQLException {
        List<Long> all = List.copyOf(ids);
        List<Current> out = new ArrayList<>();
        for (int start = 0; start < all.size(); start += 500) {
            List<Long> chunk = all.subList(start, Math.min(all.size(), start + 500));
            try (PreparedStatement statement = connection.prepareStatement(select(type) + " WHERE id IN ("
                    + chunk.stream().map(id -> "?").collect(Collectors.joining(", ")) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    statement.setLong(i + 1, chunk.get(i));
                }
                out.addAll(readCurrent(statement, type));
            }
        }
        return out;
    }

    private String select(RecordType type) {
        return "SELECT id, row_version, submission_id, retired_by, " + type.fields().stream().map(f -> dialect.quote(f.name()))
                .collect(Collectors.joining(", ")) + " FROM " + type.tableName();
    }

    private static List<Current> readCurrent(PreparedStatement statement, RecordType type) throws SQLException {
        List<Current> out = new ArrayList<>();
        List<Field> fields = type.fields();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < fields.size(); i++) {
                    Object value = RecordValues.normalise(rs.getObject(5 + i));
                    values.put(fields.get(i).name(), value == null ? null : RecordValues.text(value));
                }
                long retired = rs.getLong(4);
                Long retiredBy = rs.wasNull() ? null : retired;
                out.add(new Current(rs.getLong(1), new RecordVersions.Version(rs.getInt(2), values, rs.getLong(3)), retiredBy));
            }
        }
        return out;
    }

    /** Every earlier version of the type's records, by record, each record's in the order they were kept. */
    Map<Long, List<Earlier>> earlier(Connection connection, RecordType type) throws SQLException {
        Map<Long, List<Earlier>> out = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT record_id, row_version, data_json, written_by, replaced_by"
                + " FROM record_history WHERE record_type = ? ORDER BY record_id, id")) {
            statement.setString(1, type.id());
            statement.setFetchSize(5000);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long recordId = rs.getLong(1);
                    out.computeIfAbsent(recordId, id -> new ArrayList<>()).add(new Earlier(recordId,
                            new RecordVersions.Version(rs.getInt(2), parse(type, rs.getString(3)), rs.getLong(4)), rs.getLong(5)));
                }
            }
        }
        return out;
    }

    private static Map<String, String> parse(RecordType type, String json) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            JsonNode node = JSON.readTree(json);
            for (Field field : type.fields()) {
                JsonNode value = node.get(field.name());
                values.put(field.name(), value == null || value.isNull() ? null : value.asText());
            }
        } catch (IOException e) {
            throw new StoreException("a version in record_history of '" + type.id() + "' is not JSON: " + e.getMessage(), e);
        }
        return values;
    }

    static String scratchTable(RecordType type) {
        return "explain_scratch_" + type.id();
    }

    /** Creates the connection's scratch table of the type: the columns the engine reads. */
    void createScratch(Connection connection, RecordType type) throws SQLException {
        String columns = type.fields().stream().map(f -> dialect.quote(f.name()) + " " + RecordTables.sqlType(f.type()))
                .collect(Collectors.joining(", "));
        try (Statement statement = connection.createStatement()) {
            statement.execute(dialect.dropTemporaryTable(scratchTable(type)));
            statement.execute(dialect.createTemporaryTable(scratchTable(type), "id BIGINT NOT NULL, " + columns
                    + ", synthetic BOOLEAN NOT NULL, flagged BOOLEAN NOT NULL, provisional BOOLEAN NOT NULL, retired_by BIGINT"));
        }
    }

    void dropScratch(Connection connection, RecordType type) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(dialect.dropTemporaryTable(scratchTable(type)));
        }
    }

    /** Replaces the scratch table's rows with these records (id to values as text), all live. */
    void fillScratch(Connection connection, RecordType type, Map<Long, Map<String, String>> records) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM " + scratchTable(type));
        }
        List<Field> fields = type.fields();
        String sql = "INSERT INTO " + scratchTable(type) + " (id, " + fields.stream().map(f -> dialect.quote(f.name()))
                .collect(Collectors.joining(", ")) + ", synthetic, flagged, provisional, retired_by) VALUES (?, "
                + fields.stream().map(f -> "?").collect(Collectors.joining(", ")) + ", FALSE, FALSE, FALSE, NULL)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Batches.run(statement, List.copyOf(records.entrySet()), (st, record) -> {
                st.setLong(1, record.getKey());
                for (int i = 0; i < fields.size(); i++) {
                    bind(st, i + 2, fields.get(i), record.getValue().get(fields.get(i).name()));
                }
            });
        }
    }

    /** Binds a value kept as text with its field's SQL type. */
    private static void bind(PreparedStatement statement, int index, Field field, String text) throws SQLException {
        if (text == null) {
            statement.setNull(index, switch (field.type()) {
                case DATE -> Types.DATE;
                case TIMESTAMP -> Types.TIMESTAMP;
                case INTEGER -> Types.BIGINT;
                case DECIMAL -> Types.DOUBLE;
                case BOOLEAN -> Types.BOOLEAN;
                default -> Types.VARCHAR;
            });
            return;
        }
        switch (field.type()) {
            case DATE -> statement.setObject(index, LocalDate.parse(text));
            case TIMESTAMP -> statement.setObject(index, LocalDateTime.parse(text));
            case INTEGER -> statement.setLong(index, Long.parseLong(text));
            case DECIMAL -> statement.setDouble(index, Double.parseDouble(text));
            case BOOLEAN -> statement.setBoolean(index, Boolean.parseBoolean(text));
            default -> statement.setString(index, text);
        }
    }
}
