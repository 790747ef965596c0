package org.a4p.faults;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/** Each table of the public schema as "N rows, sha256 …" over its rows sorted as text: equal digests, equal tables. */
final class TableDigests {
    private TableDigests() {}

    static Map<String, String> of(DataSource dataSource) throws SQLException {
        Map<String, String> digests = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet found = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (found.next()) {
                    if ("public".equalsIgnoreCase(found.getString("TABLE_SCHEM"))) {
                        tables.add(found.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
            for (String table : tables) {
                digests.put(table, digest(connection, table));
            }
        }
        return digests;
    }

    private static String digest(Connection connection, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int column = 1; column <= columns; column++) {
                    row.append(rs.getString(column)).append('\u001f');
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String row : rows) {
                sha256.update(row.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) '\n');
            }
            return rows.size() + " rows, sha256 " + HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
