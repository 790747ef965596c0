package org.a4p.indicators;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.a4p.db.Dialect;

/** The stored indicator values: replaced per indicator and year range by a refresh. */
final class ValueTable {
    private final Dialect dialect;

    ValueTable(Dialect dialect) {
        this.dialect = dialect;
    }

    void replace(Connection connection, List<String> indicators, Integer fromYear, Integer toYear, List<IndicatorValue> values)
            throws SQLException {
        String delete = "DELETE FROM indicator_value WHERE indicator_id = ?"
                + (fromYear == null ? "" : " AND period_year BETWEEN ? AND ?");
        try (PreparedStatement statement = connection.prepareStatement(delete)) {
            for (String indicator : indicators) {
                statement.setString(1, indicator);
                if (fromYear != null) {
                    statement.setInt(2, fromYear);
                    statement.setInt(3, toYear);
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO indicator_value (indicator_id, org_unit, period, grain, period_year, disaggregation, amount, records, synthetic)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (IndicatorValue value : values) {
                statement.setString(1, value.indicator());
                statement.setString(2, value.orgUnit());
                statement.setString(3, value.period());
                statement.setString(4, String.valueOf(Period.grainOf(value.period())));
                statement.setInt(5, Period.yearOf(value.period()));
                statement.setString(6, value.disaggregation());
                if (value.value() == null) {
                    statement.setNull(7, Types.DOUBLE);
                } else {
                    statement.setDouble(7, value.value());
                }
                statement.setLong(8, value.records());
                statement.setBoolean(9, value.synthetic());
                statement.addBatch();
                if (++pending == 5000) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        }
    }
}
