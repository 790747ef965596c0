package org.a4p.fuzz;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The rows of every table of an H2 database, to put them back as they were. Rows only: dropping and
 * rebuilding the schema as well was five times slower. Identity counters are not put back; they only
 * move forward, so restored rows keep their ids and new ones never collide with them.
 */
final class H2Snapshot {
    private final List<String> tables;
    private final List<String> inserts;

    private H2Snapshot(List<String> tables, List<String> inserts) {
        this.tables = tables;
        this.inserts = inserts;
    }

    static H2Snapshot take(DataSource dataSource) throws SQLException {
        List<String> tables = new ArrayList<>();
        List<String> inserts = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = CURRENT_SCHEMA AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add('"' + rs.getString(1) + '"');
                }
            }
            try (ResultSet rs = statement.executeQuery("SCRIPT COLUMNS NOPASSWORDS NOSETTINGS")) {
                while (rs.next()) {
                    if (rs.getString(1).startsWith("INSERT INTO ")) {
                        inserts.add(rs.getString(1));
                    }
                }
            }
        }
        return new H2Snapshot(List.copyOf(tables), List.copyOf(inserts));
    }

    void restore(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET REFERENTIAL_INTEGRITY FALSE"); // rows go back table by table, not in key order
            try {
                connection.setAutoCommit(false);
                for (String table : tables) {
                    statement.execute("DELETE FROM " + table);
                }
                for (String insert : inserts) {
                    statement.execute(insert);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
                statement.execute("SET REFERENTIAL_INTEGRITY TRUE");
            }
        }
    }
}
