package org.a4p.indicators;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.a4p.db.Batches;
import org.a4p.db.BulkInsert;
import org.a4p.db.Dialect;

/**
 * The stored indicator values. A refresh writes only what changed: values that are new, differ,
 * or no longer exist, so re-running a refresh over unchanged records writes nothing.
 */
final class ValueTable {
    private final Dialect dialect;

    ValueTable(Dialect dialect) {
        this.dialect = dialect;
    }

    /** What a replace wrote. */
    record Writes(int inserted, int updated, int deleted) {}

    private record Key(String indicator, String orgUnit, String period, String disaggregation) {}

    private record Stored(Double value, long records, boolean synthetic, boolean flagged, boolean provisional) {}

    Writes replace(Connection connection, List<String> indicators, Integer fromYear, Integer toYear, List<IndicatorValue> values)
            throws SQLException {
        if (indicators.isEmpty()) {
            return new Writes(0, 0, 0);
        }
        return write(connection, load(connection, indicators, fromYear, toYear), values);
    }

    /** The same, for the values of the indicators in the org units and periods given only. */
    Writes replaceIn(Connection connection, List<String> indicators, java.util.Collection<String> orgUnits,
            java.util.Collection<String> periods, List<IndicatorValue> values) throws SQLException {
        if (indicators.isEmpty() || orgUnits.isEmpty() || periods.isEmpty()) {
            return new Writes(0, 0, 0);
        }
        String sql = "SELECT indicator_id, org_unit, period, disaggregation, amount, records, synthetic, flagged, provisional FROM indicator_value"
                + " WHERE org_unit IN (" + marks(orgUnits.size()) + ") AND indicator_id IN (" + marks(indicators.size()) + ")"
                + " AND period IN (" + marks(periods.size()) + ")";
        List<String> parameters = new java.util.ArrayList<>(orgUnits);
        parameters.addAll(indicators);
        parameters.addAll(periods);
        return write(connection, load(connection, sql, parameters), values);
    }

    private static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private Writes write(Connection connection, Map<Key, Stored> stored, List<IndicatorValue> values) throws SQLException {
        List<IndicatorValue> inserts = new java.util.ArrayList<>();
        List<IndicatorValue> updates = new java.util.ArrayList<>();
        for (IndicatorValue value : values) {
            Stored before = stored.remove(new Key(value.indicator(), value.orgUnit(), value.period(), value.disaggregation()));
            if (before == null) {
                inserts.add(value);
            } else if (!Objects.equals(before.value(), value.value()) || before.records() != value.records()
                    || before.synthetic() != value.synthetic() || before.flagged() != value.flagged()
                    || before.provisional() != value.provisional()) {
                updates.add(value);
            }
        }
        delete(connection, stored.keySet());
        update(connection, updates);
        insert(connection, inserts);
        return new Writes(inserts.size(), updates.size(), stored.size());
    }

    private static Map<Key, Stored> load(Connection connection, List<String> indicators, Integer fromYear, Integer toYear)
            throws SQLException {
        String sql = "SELECT indicator_id, org_unit, period, disaggregation, amount, records, synthetic, flagged, provisional FROM indicator_value"
                + " WHERE indicator_id IN (" + marks(indicators.size()) + ")" + (fromYear == null ? "" : " AND period_year BETWEEN ? AND ?");
        List<Object> parameters = new java.util.ArrayList<>(indicators);
        if (fromYear != null) {
            parameters.add(fromYear);
            parameters.add(toYear);
        }
        return load(connection, sql, parameters);
    }

    private static Map<Key, Stored> load(Connection connection, String sql, List<?> parameters) throws SQLException {
        Map<Key, Stored> out = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(10_000);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    double amount = rs.getDouble(5);
                    Double value = rs.wasNull() ? null : amount;
                    out.put(new Key(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                            new Stored(value, rs.getLong(6), rs.getBoolean(7), rs.getBoolean(8), rs.getBoolean(9)));
                }
            }
        }
        return out;
    }

    private static void delete(Connection connection, Iterable<Key> keys) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM indicator_value WHERE indicator_id = ? AND org_unit = ? AND period = ? AND disaggregation = ?")) {
            Batches.run(statement, keys, (st, key) -> {
                st.setString(1, key.indicator());
                st.setString(2, key.orgUnit());
                st.setString(3, key.period());
                st.setString(4, key.disaggregation());
            });
        }
    }

    private static void update(Connection connection, List<IndicatorValue> values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE indicator_value SET amount = ?, records = ?, synthetic = ?, flagged = ?, provisional = ?"
                        + " WHERE indicator_id = ? AND org_unit = ? AND period = ? AND disaggregation = ?")) {
            Batches.run(statement, values, (st, value) -> {
                setAmount(st, 1, value.value());
                st.setLong(2, value.records());
                st.setBoolean(3, value.synthetic());
                st.setBoolean(4, value.flagged());
                st.setBoolean(5, value.provisional());
                st.setString(6, value.indicator());
                st.setString(7, value.orgUnit());
                st.setString(8, value.period());
                st.setString(9, value.disaggregation());
            });
        }
    }

    private void insert(Connection connection, List<IndicatorValue> values) throws SQLException {
        new BulkInsert(dialect).run(connection, "indicator_value", List.of("indicator_id", "org_unit", "period", "grain", "period_year",
                "disaggregation", "amount", "records", "synthetic", "flagged", "provisional"), values, (value, row) -> {
                    row[0] = value.indicator();
                    row[1] = value.orgUnit();
                    row[2] = value.period();
                    row[3] = String.valueOf(Grain.of(value.period()).code());
                    row[4] = Period.yearOf(value.period());
                    row[5] = value.disaggregation();
                    row[6] = value.value();
                    row[7] = value.records();
                    row[8] = value.synthetic();
                    row[9] = value.flagged();
                    row[10] = value.provisional();
                });
    }

    private static void setAmount(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }
}
