package org.a4p.indicators;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.a4p.db.Dialect;
import org.a4p.indicators.formula.Aggregate;
import org.a4p.indicators.formula.AggregateFunction;
import org.a4p.indicators.formula.FormulaSql;
import org.a4p.indicators.formula.SqlFragment;
import org.a4p.pack.RecordType;

/**
 * Reads a record type's current records into partial rows of its layout: one GROUP BY query for
 * every plain aggregate at once, plus one per median (which groups by the value too). Retired
 * records and records without a date are left out.
 */
final class RecordScan {
    /** Which records to read: dates from {@code from} (inclusive) to {@code to} (exclusive), of one mission or all (null). */
    record Range(LocalDate from, LocalDate to, String mission) {
        static final Range ALL = new Range(null, null, null);
    }

    private final Dialect dialect;
    private final TypeLayout layout;
    private final RecordType type;
    private final String table;

    RecordScan(Dialect dialect, TypeLayout layout, String table) {
        this.dialect = dialect;
        this.layout = layout;
        this.type = layout.type;
        this.table = table;
    }

    /** Sends every partial row of the range to {@code sink}; returns the queries run. */
    int run(Connection connection, Range range, Consumer<PartialRow> sink) throws SQLException {
        int queries = 0;
        if (!layout.plain.isEmpty()) {
            plain(connection, range, sink);
            queries++;
        }
        for (Aggregate median : layout.medians) {
            histogram(connection, range, median, sink);
            queries++;
        }
        return queries;
    }

    private String groupColumns() {
        StringBuilder out = new StringBuilder(dialect.quote(type.missionField()));
        out.append(", ").append(type.siteField() == null ? "CAST(NULL AS VARCHAR(128))" : dialect.quote(type.siteField()));
        String date = dialect.quote(type.dateField());
        out.append(layout.byDay ? ", " + date : ", EXTRACT(YEAR FROM " + date + "), EXTRACT(MONTH FROM " + date + ")");
        for (String field : layout.groupFields) {
            out.append(", ").append(dialect.quote(field));
        }
        return out.toString();
    }

    private String where(Range range, List<Object> parameters) {
        String date = dialect.quote(type.dateField());
        StringBuilder out = new StringBuilder(" WHERE retired_by IS NULL AND " + date + " IS NOT NULL");
        if (range.from() != null) {
            out.append(" AND ").append(date).append(" >= ? AND ").append(date).append(" < ?");
            parameters.add(range.from());
            parameters.add(range.to());
        }
        if (range.mission() != null) {
            out.append(" AND ").append(dialect.quote(type.missionField())).append(" = ?");
            parameters.add(range.mission());
        }
        return out.toString();
    }

    private static final String FLAGS = ", MAX(CASE WHEN synthetic THEN 1 ELSE 0 END), MAX(CASE WHEN flagged THEN 1 ELSE 0 END),"
            + " MAX(CASE WHEN provisional THEN 1 ELSE 0 END)";

    private void plain(Connection connection, Range range, Consumer<PartialRow> sink) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        StringBuilder select = new StringBuilder("SELECT ").append(groupColumns()).append(FLAGS);
        // Each aggregate reads two partial columns: its measure (SUM, MIN or MAX; a count has
        // none) and the number of records that fed it.
        for (Aggregate aggregate : layout.plain) {
            SqlFragment condition = aggregate.where() == null ? null : FormulaSql.condition(aggregate.where(), type, dialect);
            if (aggregate.function() == AggregateFunction.COUNT) {
                if (condition == null) {
                    select.append(", 0, COUNT(*)");
                } else {
                    select.append(", 0, SUM(CASE WHEN ").append(condition.sql()).append(" THEN 1 ELSE 0 END)");
                    parameters.addAll(condition.parameters());
                }
                continue;
            }
            SqlFragment value = FormulaSql.rowValue(aggregate.argument(), dialect);
            String measure = switch (aggregate.function()) {
                case MIN -> "MIN";
                case MAX -> "MAX";
                default -> "SUM";
            };
            String guard = condition == null ? "" : "(" + condition.sql() + ") AND ";
            select.append(", ").append(measure).append("(CASE WHEN ").append(guard).append("(").append(value.sql())
                    .append(") IS NOT NULL THEN ").append(value.sql()).append(" END)");
            if (condition != null) {
                parameters.addAll(condition.parameters());
            }
            parameters.addAll(value.parameters());
            parameters.addAll(value.parameters());
            select.append(", SUM(CASE WHEN ").append(guard).append("(").append(value.sql()).append(") IS NOT NULL THEN 1 ELSE 0 END)");
            if (condition != null) {
                parameters.addAll(condition.parameters());
            }
            parameters.addAll(value.parameters());
        }
        select.append(" FROM ").append(table).append(where(range, parameters));
        select.append(" GROUP BY ").append(groupColumns());
        int aggregates = layout.plain.size();
        query(connection, select.toString(), parameters, (rs, base, group) -> {
            double[] measures = new double[aggregates];
            long[] counts = new long[aggregates];
            int column = base + 3;
            for (int i = 0; i < aggregates; i++) {
                measures[i] = rs.getDouble(column);
                counts[i] = rs.getLong(column + 1);
                column += 2;
            }
            sink.accept(group.row(rs.getInt(base) == 1, rs.getInt(base + 1) == 1, rs.getInt(base + 2) == 1, 0, 0, 0, measures, counts));
        });
    }

    private void histogram(Connection connection, Range range, Aggregate median, Consumer<PartialRow> sink) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        SqlFragment value = FormulaSql.rowValue(median.argument(), dialect);
        SqlFragment condition = median.where() == null ? null : FormulaSql.condition(median.where(), type, dialect);
        StringBuilder select = new StringBuilder("SELECT ").append(groupColumns()).append(FLAGS).append(", ")
                .append(value.sql()).append(", COUNT(*)");
        parameters.addAll(value.parameters());
        select.append(" FROM ").append(table).append(where(range, parameters));
        select.append(" AND (").append(value.sql()).append(") IS NOT NULL");
        parameters.addAll(value.parameters());
        if (condition != null) {
            select.append(" AND (").append(condition.sql()).append(")");
            parameters.addAll(condition.parameters());
        }
        select.append(" GROUP BY ").append(groupColumns()).append(", ").append(value.sql());
        parameters.addAll(value.parameters());
        int histogram = layout.histogramOf(median);
        query(connection, select.toString(), parameters, (rs, base, group) -> sink.accept(group.row(rs.getInt(base) == 1,
                rs.getInt(base + 1) == 1, rs.getInt(base + 2) == 1, histogram, rs.getDouble(base + 3), rs.getLong(base + 4), null, null)));
    }

    private interface RowReader {
        void read(ResultSet rs, int base, Group group) throws SQLException;
    }

    private void query(Connection connection, String sql, List<Object> parameters, RowReader reader) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            statement.setFetchSize(5000);
            try (ResultSet rs = statement.executeQuery()) {
                int base = 3 + (layout.byDay ? 1 : 2) + layout.groupFields.size();
                while (rs.next()) {
                    reader.read(rs, base, group(rs));
                }
            }
        }
    }

    private record Group(String mission, String site, int year, int month, long day, String[] dims) {
        PartialRow row(boolean synthetic, boolean flagged, boolean provisional, int histogram, double value, long times,
                double[] measures, long[] counts) {
            return new PartialRow(mission, site, year, month, day, dims, synthetic, flagged, provisional, histogram, value, times,
                    measures, counts);
        }
    }

    private Group group(ResultSet rs) throws SQLException {
        int year;
        int month;
        long day = 0;
        int column;
        if (layout.byDay) {
            LocalDate date = rs.getObject(3, LocalDate.class);
            year = date.getYear();
            month = date.getMonthValue();
            day = date.toEpochDay();
            column = 4;
        } else {
            year = rs.getInt(3);
            month = rs.getInt(4);
            column = 5;
        }
        String[] dims = new String[layout.groupFields.size()];
        for (int i = 0; i < dims.length; i++) {
            Object value = rs.getObject(column++);
            dims[i] = value == null ? null : value.toString();
        }
        return new Group(rs.getString(1), rs.getString(2), year, month, day, dims);
    }
}
