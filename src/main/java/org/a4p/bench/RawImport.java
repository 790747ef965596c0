package org.a4p.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.a4p.db.Batches;
import org.a4p.db.Dialect;
import org.a4p.pack.Field;
import org.a4p.pack.RecordType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The reference for the import: the same CSV rows, parsed without validation, written by a JDBC
 * batch of prepared inserts into a scratch table of the records table's shape (its columns, and
 * its key, date and submission indexes), in one transaction. The scratch table is dropped after.
 * {@link CopyImport} writes the same rows with PostgreSQL's COPY.
 */
final class RawImport {
    private final Dialect dialect;

    RawImport(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Writes the file's rows and returns how many; the time is the caller's to take. */
    long run(Connection connection, RecordType type, Path csv) throws SQLException, IOException {
        String table = createScratch(connection, type);
        List<Field> fields = type.fields();
        String marks = fields.stream().map(f -> "?").collect(Collectors.joining(", "));
        String sql = "INSERT INTO " + table + " (" + columns(type) + ") VALUES (?, " + marks + ", 0, 1, 0, TRUE, FALSE, FALSE)";
        long[] rows = {0};
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
                PreparedStatement insert = connection.prepareStatement(sql)) {
            Batches.run(insert, parser, (statement, record) -> {
                statement.setLong(1, ++rows[0]);
                for (int i = 0; i < fields.size(); i++) {
                    bind(statement, i + 2, fields.get(i), record);
                }
            });
        }
        connection.commit();
        return rows[0];
    }

    /** An empty table of the records table's shape: its columns, and its key, date and submission indexes. */
    String createScratch(Connection connection, RecordType type) throws SQLException {
        String table = "bench_raw_" + type.id();
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table);
            statement.execute("CREATE TABLE " + table + " AS SELECT * FROM " + type.tableName() + " WHERE 1 = 0");
            String key = type.key().stream().map(dialect::quote).collect(Collectors.joining(", "));
            statement.execute("CREATE UNIQUE INDEX ux_" + table + "_key ON " + table + " (" + key + ")");
            statement.execute("CREATE INDEX ix_" + table + "_date ON " + table + " (" + dialect.quote(type.dateField()) + ")");
            statement.execute("CREATE INDEX ix_" + table + "_submission ON " + table + " (submission_id)");
        }
        connection.commit();
        return table;
    }

    /** The columns both references write: the row id, the record's fields, then the bookkeeping columns. */
    String columns(RecordType type) {
        return "id, " + type.fields().stream().map(f -> dialect.quote(f.name())).collect(Collectors.joining(", "))
                + ", row_hash, row_version, submission_id, synthetic, flagged, provisional";
    }

    void drop(Connection connection, RecordType type) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_raw_" + type.id());
        }
        connection.commit();
    }

    private static void bind(PreparedStatement statement, int position, Field field, CSVRecord record) throws SQLException {
        String text = record.isMapped(field.name()) ? record.get(field.name()) : "";
        if (text.isEmpty()) {
            statement.setObject(position, null);
            return;
        }
        switch (field.type()) {
            case DATE -> statement.setObject(position, LocalDate.parse(text));
            case TIMESTAMP -> statement.setObject(position, LocalDateTime.parse(text));
            case INTEGER -> statement.setLong(position, Long.parseLong(text));
            case DECIMAL -> statement.setDouble(position, Double.parseDouble(text));
            case BOOLEAN -> statement.setBoolean(position, Boolean.parseBoolean(text));
            default -> statement.setString(position, text);
        }
    }
}
