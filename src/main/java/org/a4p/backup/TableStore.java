package org.a4p.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.a4p.db.Dialect;

/**
 * The SQL of backup and restore, on the caller's connection. Unlike every other store it reads and
 * writes every table, generically through JDBC metadata: a backup must hold every table the schema
 * and the pack have, including ones added after it was written, without a list to keep in step.
 */
final class TableStore {
    /** Flyway's own history: the schema, not data; the restore's migrations write it. */
    private static final String MIGRATION_HISTORY = "flyway_schema_history";

    /** A table's columns in their order, the ones of its primary key, and those the database numbers itself. */
    record TableShape(String name, List<ColumnShape> columns, List<String> primaryKey, List<String> identity) {}

    /** {@code kind} is empty for a type backups do not know; {@code jdbcType} is for writing its nulls. */
    record ColumnShape(String name, Optional<ColumnKind> kind, int jdbcType, String sqlType) {}

    private final Connection connection;
    private final Dialect dialect;

    TableStore(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /** Every table of the current schema but Flyway's, referenced tables before those that reference them. */
    List<TableShape> tables() throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        Set<String> names = new java.util.TreeSet<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!name.equals(MIGRATION_HISTORY)) {
                    names.add(name);
                }
            }
        }
        Map<String, Set<String>> references = new LinkedHashMap<>();
        for (String name : names) {
            Set<String> referenced = new LinkedHashSet<>();
            try (ResultSet rs = meta.getImportedKeys(null, schema, name)) {
                while (rs.next()) {
                    referenced.add(rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
            referenced.remove(name);
            references.put(name, referenced);
        }
        List<TableShape> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < names.size()) {
            boolean progressed = false;
            for (String name : names) {
                if (!placed.contains(name) && placed.containsAll(references.get(name).stream().filter(names::contains).toList())) {
                    placed.add(name);
                    ordered.add(shape(meta, schema, name));
                    progressed = true;
                }
            }
            if (!progressed) {
                throw new SQLException("the foreign keys among tables " + names + " form a cycle: no order to load them in");
            }
        }
        return ordered;
    }

    private TableShape shape(DatabaseMetaData meta, String schema, String table) throws SQLException {
        List<ColumnShape> columns = new ArrayList<>();
        List<String> identity = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
            while (rs.next()) {
                String name = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                int jdbcType = rs.getInt("DATA_TYPE");
                String typeName = rs.getString("TYPE_NAME");
                columns.add(new ColumnShape(name, ColumnKind.of(jdbcType, typeName), jdbcType, typeName));
                if ("YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))) {
                    identity.add(name);
                }
            }
        }
        Map<Short, String> key = new java.util.TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, schema, table)) {
            while (rs.next()) {
                key.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return new TableShape(table, columns, List.copyOf(key.values()), identity);
    }

    long count(String table) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + dialect.quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    boolean isEmpty(String table) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT 1 FROM " + dialect.quote(table) + " LIMIT 1")) {
            return !rs.next();
        }
    }

    /**
     * Every row of a table, in primary-key order (so that two backups of one state are the same),
     * fetched a batch at a time: PostgreSQL's driver streams only inside a transaction with a fetch size.
     */
    PreparedStatement selectAll(TableShape table) throws SQLException {
        String order = table.primaryKey().isEmpty() ? "" : " ORDER BY " + quoted(table.primaryKey());
        PreparedStatement select = connection.prepareStatement("SELECT " + quoted(names(table.columns())) + " FROM "
                + dialect.quote(table.name()) + order, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        select.setFetchSize(1_000);
        return select;
    }

    PreparedStatement insert(String table, List<String> columns) throws SQLException {
        return connection.prepareStatement("INSERT INTO " + dialect.quote(table) + " (" + quoted(columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")");
    }

    /** Removes the rows that migrations and start-up seed (a counter at 0, the audit chain's empty head), before their backed-up ones land. */
    void deleteAll(String table) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.executeUpdate("DELETE FROM " + dialect.quote(table));
        }
    }

    /**
     * Sets an identity column to go on after its highest value. The same statement on H2 and
     * PostgreSQL (both number GENERATED BY DEFAULT AS IDENTITY columns with their own counter, which
     * rows inserted with explicit ids do not move). On H2 it is DDL, which commits: run it after the load.
     */
    void restartIdentity(String table, String column) throws SQLException {
        long next;
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(" + dialect.quote(column) + "), 0) + 1 FROM " + dialect.quote(table))) {
            rs.next();
            next = rs.getLong(1);
        }
        try (Statement st = connection.createStatement()) {
            st.execute("ALTER TABLE " + dialect.quote(table) + " ALTER COLUMN " + dialect.quote(column) + " RESTART WITH " + next);
        }
    }

    private static List<String> names(List<ColumnShape> columns) {
        return columns.stream().map(ColumnShape::name).toList();
    }

    private String quoted(List<String> names) {
        return names.stream().map(dialect::quote).collect(Collectors.joining(", "));
    }
}
