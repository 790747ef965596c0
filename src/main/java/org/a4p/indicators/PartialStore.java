package org.a4p.indicators;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.a4p.db.Batches;
import org.a4p.db.BulkInsert;
import org.a4p.db.Dialect;
import java.util.List;

/**
 * The SQL of {@code indicator_partial} and {@code indicator_partial_layout}: the stored partial
 * aggregates of each record type, and the layout digest they were computed for.
 */
final class PartialStore {
    private final Dialect dialect;

    PartialStore(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Separates the breakdown values in {@code dims}; stands for a null value. Codes never hold either. */
    private static final char SEPARATOR = '\u001F';
    private static final String NULL = "\u0001";
    private static final Pattern SPLIT = Pattern.compile(String.valueOf(SEPARATOR));

    /** The digest the type's partials were computed for, or null when they are not known to be complete. */
    String digest(Connection connection, String recordType) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT digest FROM indicator_partial_layout WHERE record_type = ?")) {
            statement.setString(1, recordType);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    void markComplete(Connection connection, String recordType, String digest) throws SQLException {
        forget(connection, List.of(recordType));
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO indicator_partial_layout (record_type, digest) VALUES (?, ?)")) {
            statement.setString(1, recordType);
            statement.setString(2, digest);
            statement.executeUpdate();
        }
    }

    /** Says the types' partials are no longer known to be complete: the next refresh that reads them rebuilds them. */
    void forget(Connection connection, Collection<String> recordTypes) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM indicator_partial_layout WHERE record_type = ?")) {
            Batches.run(statement, recordTypes, (st, type) -> st.setString(1, type));
        }
    }

    /** Deletes the type's partials in the range (null bounds and mission: all of them). */
    void delete(Connection connection, String recordType, RecordScan.Range range) throws SQLException {
        StringBuilder sql = new StringBuilder("DELETE FROM indicator_partial WHERE record_type = ?");
        if (range.from() != null) {
            sql.append(" AND period_day >= ? AND period_day < ?");
        }
        if (range.mission() != null) {
            sql.append(" AND mission = ?");
        }
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int p = 1;
            statement.setString(p++, recordType);
            if (range.from() != null) {
                statement.setObject(p++, range.from());
                statement.setObject(p++, range.to());
            }
            if (range.mission() != null) {
                statement.setString(p, range.mission());
            }
            statement.executeUpdate();
        }
    }

    void insert(Connection connection, TypeLayout layout, Collection<PartialRow> rows) throws SQLException {
        new BulkInsert(dialect).run(connection, "indicator_partial", List.of("record_type", "mission", "site", "period_day", "dims",
                "histogram", "hvalue", "times", "measures", "synthetic", "flagged", "provisional"), rows, (row, values) -> {
                    values[0] = layout.type.id();
                    values[1] = row.mission();
                    values[2] = row.site();
                    values[3] = row.periodDay(layout.byDay);
                    values[4] = dims(row.dims());
                    values[5] = row.histogram();
                    if (row.histogram() == 0) {
                        values[8] = measures(row);
                    } else {
                        values[6] = row.value();
                        values[7] = row.times();
                    }
                    values[9] = row.synthetic();
                    values[10] = row.flagged();
                    values[11] = row.provisional();
                });
    }

    /** Sends the type's stored partials with a day in [from, to) (null: all) to {@code sink}; returns how many. */
    long read(Connection connection, TypeLayout layout, LocalDate from, LocalDate to, Consumer<PartialRow> sink) throws SQLException {
        // The layout's digest is read in the same statement, so in the same snapshot: partials another
        // instance rebuilt for another pack after this refresh checked the digest are never decoded with this layout.
        String sql = "SELECT p.mission, p.site, p.period_day, p.dims, p.histogram, p.hvalue, p.times, p.measures, p.synthetic,"
                + " p.flagged, p.provisional, l.digest FROM indicator_partial p LEFT JOIN indicator_partial_layout l ON l.record_type = p.record_type"
                + " WHERE p.record_type = ?" + (from == null ? "" : " AND p.period_day >= ? AND p.period_day < ?");
        String digest = layout.digest();
        long rows = 0;
        int fields = layout.groupFields.size();
        int aggregates = layout.plain.size();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, layout.type.id());
            if (from != null) {
                statement.setObject(2, from);
                statement.setObject(3, to);
            }
            statement.setFetchSize(10_000);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (!digest.equals(rs.getString(12))) {
                        throw new SQLException("the partial aggregates of " + layout.type.id() + " were rebuilt or set aside meanwhile"
                                + " by another instance: nothing was changed; try again", "40001");
                    }
                    rows++;
                    LocalDate day = rs.getObject(3, LocalDate.class);
                    int histogram = rs.getInt(5);
                    double[] measures = null;
                    long[] counts = null;
                    if (histogram == 0) {
                        ByteBuffer bytes = ByteBuffer.wrap(rs.getBytes(8));
                        measures = new double[aggregates];
                        counts = new long[aggregates];
                        for (int i = 0; i < aggregates; i++) {
                            measures[i] = bytes.getDouble();
                            counts[i] = bytes.getLong();
                        }
                    }
                    sink.accept(new PartialRow(rs.getString(1), rs.getString(2), day.getYear(), day.getMonthValue(),
                            layout.byDay ? day.toEpochDay() : 0, dims(rs.getString(4), fields), rs.getBoolean(9), rs.getBoolean(10),
                            rs.getBoolean(11), histogram, histogram == 0 ? 0 : rs.getDouble(6), histogram == 0 ? 0 : rs.getLong(7),
                            measures, counts));
                }
            }
        }
        return rows;
    }

    private static byte[] measures(PartialRow row) {
        ByteBuffer bytes = ByteBuffer.allocate(16 * row.measures().length);
        for (int i = 0; i < row.measures().length; i++) {
            bytes.putDouble(row.measures()[i]);
            bytes.putLong(row.counts()[i]);
        }
        return bytes.array();
    }

    private static String dims(String[] values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(SEPARATOR);
            }
            out.append(values[i] == null ? NULL : values[i]);
        }
        return out.toString();
    }

    private static String[] dims(String text, int fields) {
        if (fields == 0) {
            return new String[0];
        }
        String[] values = SPLIT.split(text, -1);
        if (values.length != fields) {
            throw new IllegalStateException("a stored partial holds " + values.length + " breakdown values where its layout has " + fields);
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i].equals(NULL)) {
                values[i] = null;
            }
        }
        return values;
    }
}
