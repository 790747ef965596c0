package org.a4p.indicators;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads stored indicator values; never touches the record tables. */
public final class ValueQuery {
    /**
     * Which values: those of every submitted record as staff see them, or the latest release's, as
     * the public sees them (with small cells suppressed: a suppressed value reads as no value and no records).
     */
    public enum Source {
        LIVE("indicator_value", "provisional", "1 = 1"),
        PUBLISHED("release_value", "FALSE", "superseded_in IS NULL");

        private final String table;
        private final String provisional;
        private final String where;

        Source(String table, String provisional, String where) {
            this.table = table;
            this.provisional = provisional;
            this.where = where;
        }
    }

    private final Source source;

    public ValueQuery() {
        this(Source.LIVE);
    }

    public ValueQuery(Source source) {
        this.source = source;
    }

    /** A filter; null fields do not filter. {@code totalsOnly} leaves out disaggregated values. */
    public record Filter(String indicator, String orgUnit, String period, Grain grain, boolean totalsOnly) {

        /**
         * Appends the filter's conditions ({@code AND …}) to a query of a values table (indicator_id,
         * org_unit, period, grain, disaggregation) and returns their parameters, in order.
         */
        public List<Object> appendTo(StringBuilder sql) {
            List<Object> parameters = new ArrayList<>();
            if (indicator != null) {
                sql.append(" AND indicator_id = ?");
                parameters.add(indicator);
            }
            if (orgUnit != null) {
                sql.append(" AND org_unit = ?");
                parameters.add(orgUnit);
            }
            if (period != null) {
                sql.append(" AND period = ?");
                parameters.add(period);
            }
            if (grain != null) {
                sql.append(" AND grain = ?");
                parameters.add(String.valueOf(grain.code()));
            }
            if (totalsOnly) {
                sql.append(" AND disaggregation = ''");
            }
            return parameters;
        }
    }

    public List<IndicatorValue> find(Connection connection, Filter filter) throws SQLException {
        StringBuilder sql = new StringBuilder(
                "SELECT indicator_id, org_unit, period, disaggregation, amount, records, synthetic, flagged, " + source.provisional
                        + " FROM " + source.table + " WHERE " + source.where);
        List<Object> parameters = filter.appendTo(sql);
        sql.append(" ORDER BY indicator_id, org_unit, period, disaggregation");
        List<IndicatorValue> out = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    double amount = rs.getDouble(5);
                    Double value = rs.wasNull() ? null : amount;
                    out.add(new IndicatorValue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), value,
                            rs.getLong(6), rs.getBoolean(7), rs.getBoolean(8), rs.getBoolean(9)));
                }
            }
        }
        return out;
    }
}
