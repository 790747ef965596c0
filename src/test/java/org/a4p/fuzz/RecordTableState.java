package org.a4p.fuzz;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/** A record table's row count and a SHA-256 of every value of every row, in id order: equal states hold the same rows. */
record RecordTableState(long rows, String digest) {

    static RecordTableState of(Connection connection, String table) throws SQLException {
        MessageDigest sha = sha256();
        long rows = 0;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                rows++;
                for (int column = 1; column <= columns; column++) {
                    Object value = rs.getObject(column);
                    // a marker for null and a separator after each value, so that no two rows digest alike
                    sha.update((value == null ? "\u0000" : value.toString() + "\u0001").getBytes(StandardCharsets.UTF_8));
                }
                sha.update((byte) '\n');
            }
        }
        return new RecordTableState(rows, HexFormat.of().formatHex(sha.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
