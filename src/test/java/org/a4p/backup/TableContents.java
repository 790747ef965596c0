package org.a4p.backup;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Every table of a database as its rows, each row a line of its values, sorted: two databases of
 * either engine compare equal when they hold the same data. Read independently of the backup's own
 * code. Normalised only where the engines type one value differently: a TIMESTAMP WITH TIME ZONE is
 * its instant (PostgreSQL keeps no offset, H2 keeps the one written), whole numbers are longs, a
 * decimal has no trailing zeros, bytes are hex.
 */
final class TableContents {
    private TableContents() {}

    static Map<String, List<String>> of(DataSource dataSource) throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
            names.remove("flyway_schema_history");
            for (String name : names) {
                tables.put(name, rows(connection, name));
            }
        }
        return tables;
    }

    private static List<String> rows(Connection connection, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM \"" + table + "\"")) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
            }
            // Columns by name: the two engines may list them in another order.
            while (rs.next()) {
                Map<String, String> row = new TreeMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(columns.get(i - 1), value(rs, i, meta.getColumnType(i), meta.getColumnTypeName(i)));
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        return rows;
    }

    private static String value(ResultSet rs, int i, int type, String typeName) throws SQLException {
        String name = typeName.toLowerCase(Locale.ROOT);
        if (type == Types.TIMESTAMP_WITH_TIMEZONE || name.contains("timestamptz") || name.contains("time zone")) {
            OffsetDateTime at = rs.getObject(i, OffsetDateTime.class);
            return at == null ? "null" : at.toInstant().toString();
        }
        Object value = rs.getObject(i);
        if (value == null) {
            return "null";
        }
        if (value instanceof byte[] bytes) {
            return "0x" + HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Long) {
            return Long.toString(((Number) value).longValue());
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Double d) {
            return "d" + Double.toString(d); // every bit: 0.30000000000000004 is not 0.3
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime().toString();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        return value.getClass().getSimpleName() + ":" + value;
    }
}
