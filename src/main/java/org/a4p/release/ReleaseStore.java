package org.a4p.release;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.a4p.db.Batches;
import org.a4p.disclosure.PublicValue;
import org.a4p.indicators.Grain;
import org.a4p.indicators.Period;
import org.a4p.indicators.ValueQuery;

/**
 * All SQL on {@code release_counter}, {@code app_release} and {@code release_value}, on the
 * caller's connection. A row of {@code release_value} is inserted once and closed once (its
 * {@code superseded_in} set); nothing else about it ever changes.
 */
public final class ReleaseStore {
    /** The key of a value across releases. */
    record Key(String indicator, String orgUnit, String period, String disaggregation) {}

    /** Takes the next release number, holding the counter's row until the transaction ends: publishers queue. */
    int nextNumber(Connection connection) throws SQLException {
        int last;
        try (PreparedStatement select = connection.prepareStatement("SELECT last_number FROM release_counter WHERE id = 1 FOR UPDATE");
                ResultSet rs = select.executeQuery()) {
            rs.next();
            last = rs.getInt(1);
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE release_counter SET last_number = ? WHERE id = 1")) {
            update.setInt(1, last + 1);
            update.executeUpdate();
        }
        return last + 1;
    }

    void insert(Connection connection, Release release) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO app_release (release_number, published_at, published_by,"
                + " note, values_count, added, revised, withdrawn, submissions, content_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            statement.setInt(1, release.number());
            statement.setObject(2, release.publishedAt().atOffset(ZoneOffset.UTC));
            statement.setString(3, release.publishedBy());
            statement.setString(4, release.note());
            statement.setInt(5, release.values());
            statement.setInt(6, release.added());
            statement.setInt(7, release.revised());
            statement.setInt(8, release.withdrawn());
            statement.setInt(9, release.submissions());
            statement.setString(10, release.contentSha256());
            statement.executeUpdate();
        }
    }

    /** Newest first. */
    public List<Release> releases(Connection connection) throws SQLException {
        return readReleases(connection, "SELECT release_number, published_at, published_by, note, values_count, added, revised, withdrawn,"
                + " submissions, content_sha256 FROM app_release ORDER BY release_number DESC", null);
    }

    /** The number of the latest release, 0 before the first. */
    int latestNumber(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT MAX(release_number) FROM app_release");
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    public java.util.Optional<Release> release(Connection connection, int number) throws SQLException {
        return readReleases(connection, "SELECT release_number, published_at, published_by, note, values_count, added, revised, withdrawn,"
                + " submissions, content_sha256 FROM app_release WHERE release_number = ?", number).stream().findFirst();
    }

    private static List<Release> readReleases(Connection connection, String sql, Integer number) throws SQLException {
        List<Release> out = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (number != null) {
                statement.setInt(1, number);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    out.add(new Release(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getString(10)));
                }
            }
        }
        return out;
    }

    /** A value of the latest release, with the release that first published it. */
    record Prior(ReleasedValue value, int firstRelease) {}

    private static final String VALUE_COLUMNS = "release_number, indicator_id, org_unit, period, disaggregation, change_kind, amount, records,"
            + " synthetic, flagged, suppressed, first_release, superseded_in";

    /** The latest release's values of one indicator, by key. */
    Map<Key, Prior> published(Connection connection, String indicator) throws SQLException {
        Map<Key, Prior> out = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + VALUE_COLUMNS
                + " FROM release_value WHERE indicator_id = ? AND superseded_in IS NULL")) {
            statement.setString(1, indicator);
            for (ReleasedValue v : readReleased(statement)) {
                out.put(new Key(v.indicator(), v.orgUnit(), v.period(), v.disaggregation()), new Prior(v, v.firstRelease()));
            }
        }
        return out;
    }

    /**
     * Puts what release {@code number} changed on record: a row for each value it added or revised,
     * and the rows it revised or withdrew closed. {@code firstReleases} gives, for each revised
     * value, the release that first published it.
     */
    void write(Connection connection, int number, List<ReleasedValue> changes, Map<Key, Integer> firstReleases) throws SQLException {
        List<ReleasedValue> closing = changes.stream().filter(v -> !v.change().equals(ReleasedValue.ADDED)).toList();
        try (PreparedStatement statement = connection.prepareStatement("UPDATE release_value SET superseded_in = ? WHERE indicator_id = ?"
                + " AND org_unit = ? AND period = ? AND disaggregation = ? AND superseded_in IS NULL AND release_number < ?")) {
            Batches.run(statement, closing, (st, v) -> {
                st.setInt(1, number);
                st.setString(2, v.indicator());
                st.setString(3, v.orgUnit());
                st.setString(4, v.period());
                st.setString(5, v.disaggregation());
                st.setInt(6, number);
            });
        }
        List<ReleasedValue> rows = changes.stream().filter(v -> !v.change().equals(ReleasedValue.WITHDRAWN)).toList();
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO release_value (indicator_id, org_unit, period,"
                + " disaggregation, release_number, change_kind, first_release, grain, period_year, amount, records, synthetic, flagged,"
                + " suppressed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Batches.run(statement, rows, (st, v) -> {
                st.setString(1, v.indicator());
                st.setString(2, v.orgUnit());
                st.setString(3, v.period());
                st.setString(4, v.disaggregation());
                st.setInt(5, number);
                st.setString(6, v.change());
                st.setInt(7, firstReleases.getOrDefault(new Key(v.indicator(), v.orgUnit(), v.period(), v.disaggregation()), number));
                st.setString(8, String.valueOf(Grain.of(v.period()).code()));
                st.setInt(9, Period.yearOf(v.period()));
                setDouble(st, 10, v.value());
                setLong(st, 11, v.records());
                st.setBoolean(12, v.synthetic());
                st.setBoolean(13, v.flagged());
                st.setBoolean(14, v.suppressed());
            });
        }
    }

    /** The latest release's values, filtered like the staff view's, as the public sees them. */
    public List<PublicValue> published(Connection connection, ValueQuery.Filter filter) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT indicator_id, org_unit, period, disaggregation, amount, records, synthetic, flagged,"
                + " suppressed, first_release, release_number FROM release_value WHERE superseded_in IS NULL");
        List<Object> parameters = filter.appendTo(sql);
        sql.append(" ORDER BY indicator_id, org_unit, period, disaggregation");
        List<PublicValue> out = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    out.add(new PublicValue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), nullableDouble(rs, 5),
                            nullableLong(rs, 6), rs.getBoolean(7), rs.getBoolean(8), rs.getBoolean(9), false, rs.getInt(10), rs.getInt(11)));
                }
            }
        }
        return out;
    }

    /** The values of release {@code number} as it was published: later releases never change the answer. */
    public List<ReleasedValue> asOf(Connection connection, int number, String indicator) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + VALUE_COLUMNS + " FROM release_value"
                + " WHERE release_number <= ? AND (superseded_in IS NULL OR superseded_in > ?)" + (indicator == null ? "" : " AND indicator_id = ?")
                + " ORDER BY indicator_id, org_unit, period, disaggregation")) {
            statement.setInt(1, number);
            statement.setInt(2, number);
            if (indicator != null) {
                statement.setString(3, indicator);
            }
            List<ReleasedValue> out = readReleased(statement);
            // The content digest is in Java's string order, whatever the database's collation.
            out.sort(CANONICAL);
            return out;
        }
    }

    /**
     * Streams the values of release {@code number} as it was published, selected, to {@code sink},
     * ordered by indicator, org unit, period and disaggregation (the primary key's order, so no
     * sort): one indicator's values for one org unit come together. Rows are fetched in batches,
     * so memory does not grow with the release;
     * the caller's connection must not be in auto-commit (PostgreSQL streams only in a transaction).
     */
    public void eachAsOf(Connection connection, int number, ValueSelection selection, java.util.function.Consumer<ReleasedValue> sink)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + VALUE_COLUMNS + " FROM release_value"
                + " WHERE release_number <= ? AND (superseded_in IS NULL OR superseded_in > ?)");
        List<Object> parameters = new ArrayList<>(List.of(number, number));
        appendSelection(sql, parameters, selection);
        if (selection.changedAfter() != null) {
            sql.append(" AND release_number > ?");
            parameters.add(selection.changedAfter());
        }
        stream(connection, sql, parameters, sink);
    }

    /**
     * Streams the values that release {@code after} held and release {@code number} no longer
     * does (a later release withdrew them), selected and ordered as {@link #eachAsOf}.
     */
    public void eachWithdrawn(Connection connection, int after, int number, ValueSelection selection,
            java.util.function.Consumer<ReleasedValue> sink) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + VALUE_COLUMNS + " FROM release_value o WHERE o.release_number <= ?"
                + " AND o.superseded_in > ? AND o.superseded_in <= ? AND NOT EXISTS (SELECT 1 FROM release_value n"
                + " WHERE n.indicator_id = o.indicator_id AND n.org_unit = o.org_unit AND n.period = o.period"
                + " AND n.disaggregation = o.disaggregation AND n.release_number <= ? AND (n.superseded_in IS NULL OR n.superseded_in > ?))");
        List<Object> parameters = new ArrayList<>(List.of(after, after, number, number, number));
        appendSelection(sql, parameters, selection);
        stream(connection, sql, parameters, sink);
    }

    private static void appendSelection(StringBuilder sql, List<Object> parameters, ValueSelection selection) {
        appendIn(sql, parameters, "indicator_id", selection.indicators());
        appendIn(sql, parameters, "org_unit", selection.orgUnits());
        appendIn(sql, parameters, "disaggregation", selection.disaggregations());
        appendIn(sql, parameters, "grain", selection.grains().stream().map(g -> String.valueOf(g.code())).collect(java.util.stream.Collectors.toSet()));
        if (selection.fromYear() != null) {
            sql.append(" AND period_year >= ?");
            parameters.add(selection.fromYear());
        }
        if (selection.toYear() != null) {
            sql.append(" AND period_year <= ?");
            parameters.add(selection.toYear());
        }
    }

    private static void stream(Connection connection, StringBuilder sql, List<Object> parameters, java.util.function.Consumer<ReleasedValue> sink)
            throws SQLException {
        sql.append(" ORDER BY indicator_id, org_unit, period, disaggregation");
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            statement.setFetchSize(10_000);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    sink.accept(released(rs));
                }
            }
        }
    }

    /** The disaggregation labels of the latest release's values. */
    public List<String> publishedDisaggregations(Connection connection) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT DISTINCT disaggregation FROM release_value"
                + " WHERE superseded_in IS NULL ORDER BY disaggregation");
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static void appendIn(StringBuilder sql, List<Object> parameters, String column, java.util.Set<String> codes) {
        if (codes.isEmpty()) {
            return;
        }
        sql.append(" AND ").append(column).append(" IN (").append(String.join(", ", java.util.Collections.nCopies(codes.size(), "?"))).append(')');
        codes.stream().sorted().forEach(parameters::add);
    }

    /** Indicator, org unit, period, disaggregation, each in Java's string order (UTF-16 code units). */
    static final java.util.Comparator<ReleasedValue> CANONICAL = java.util.Comparator.comparing(ReleasedValue::indicator)
            .thenComparing(ReleasedValue::orgUnit).thenComparing(ReleasedValue::period).thenComparing(ReleasedValue::disaggregation);

    /** What one release added, revised and withdrew: at most {@code limit} rows in all, those added and revised first. */
    public List<ReleasedValue> changes(Connection connection, int number, String kind, int limit) throws SQLException {
        List<ReleasedValue> out = new ArrayList<>();
        if (kind == null || !kind.equals(ReleasedValue.WITHDRAWN)) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + VALUE_COLUMNS + " FROM release_value"
                    + " WHERE release_number = ?" + (kind == null ? "" : " AND change_kind = ?") + " ORDER BY indicator_id, org_unit, period, disaggregation")) {
                statement.setInt(1, number);
                if (kind != null) {
                    statement.setString(2, kind);
                }
                statement.setMaxRows(limit);
                out.addAll(readReleased(statement));
            }
        }
        if ((kind == null || kind.equals(ReleasedValue.WITHDRAWN)) && out.size() < limit) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + VALUE_COLUMNS + " FROM release_value o"
                    + " WHERE o.superseded_in = ? AND NOT EXISTS (SELECT 1 FROM release_value n WHERE n.indicator_id = o.indicator_id"
                    + " AND n.org_unit = o.org_unit AND n.period = o.period AND n.disaggregation = o.disaggregation AND n.release_number = ?)"
                    + " ORDER BY indicator_id, org_unit, period, disaggregation")) {
                statement.setInt(1, number);
                statement.setInt(2, number);
                statement.setMaxRows(limit - out.size());
                for (ReleasedValue v : readReleased(statement)) {
                    out.add(withdrawn(v, number));
                }
            }
        }
        return out;
    }

    /** Every release that published, revised or withdrew one value, oldest first. */
    public List<ReleasedValue> history(Connection connection, String indicator, String orgUnit, String period, String disaggregation)
            throws SQLException {
        List<ReleasedValue> versions;
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + VALUE_COLUMNS + " FROM release_value WHERE indicator_id = ?"
                + " AND org_unit = ? AND period = ? AND disaggregation = ? ORDER BY release_number")) {
            statement.setString(1, indicator);
            statement.setString(2, orgUnit);
            statement.setString(3, period);
            statement.setString(4, disaggregation);
            versions = readReleased(statement);
        }
        List<ReleasedValue> out = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            ReleasedValue v = versions.get(i);
            out.add(v);
            boolean followed = i + 1 < versions.size() && versions.get(i + 1).release() == v.supersededIn();
            if (v.supersededIn() != null && !followed) {
                out.add(withdrawn(v, v.supersededIn()));
            }
        }
        return out;
    }

    private static ReleasedValue withdrawn(ReleasedValue v, int number) {
        return new ReleasedValue(number, v.indicator(), v.orgUnit(), v.period(), v.disaggregation(), ReleasedValue.WITHDRAWN, null, null,
                false, false, false, v.firstRelease(), null);
    }

    private static List<ReleasedValue> readReleased(PreparedStatement statement) throws SQLException {
        List<ReleasedValue> out = new ArrayList<>();
        // H2 refuses a fetch size above the row limit.
        statement.setFetchSize(statement.getMaxRows() == 0 ? 10_000 : Math.min(10_000, statement.getMaxRows()));
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                out.add(released(rs));
            }
        }
        return out;
    }

    /** The row at the result's cursor, selected as {@link #VALUE_COLUMNS}. */
    private static ReleasedValue released(ResultSet rs) throws SQLException {
        int superseded = rs.getInt(13);
        Integer supersededIn = rs.wasNull() ? null : superseded;
        return new ReleasedValue(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                nullableDouble(rs, 7), nullableLong(rs, 8), rs.getBoolean(9), rs.getBoolean(10), rs.getBoolean(11), rs.getInt(12),
                supersededIn);
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }
}
