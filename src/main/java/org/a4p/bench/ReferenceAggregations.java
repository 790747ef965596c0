package org.a4p.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.a4p.db.Dialect;

/**
 * The reference for the full refresh: the aggregations the pack's indicators need, at mission x
 * month, written by hand. Each run binds a different (always true) lower bound on the row id, so
 * no result cache can answer a later run from an earlier one; the totals it rolls up to mission x
 * year are compared with the product's stored values by {@link ReferenceCheck}.
 */
final class ReferenceAggregations {
    private static final Set<String> SEA = Set.of("sexual_exploitation", "sexual_abuse");

    /** The figures one run computed, by indicator, mission and year, and the grouped rows it read. */
    record Totals(Map<ReferenceCheck.Key, Double> values, long groupedRows) {}

    private final Dialect dialect;

    ReferenceAggregations(Dialect dialect) {
        this.dialect = dialect;
    }

    Totals run(Connection connection, int runNumber) throws SQLException {
        long bound = -1L - runNumber;
        Tally tally = new Tally();
        query(connection, FATALITIES, bound, rs -> {
            tally.add("P4.FATALITIES_ALL", rs.getString(1), rs.getInt(2), rs.getLong(6));
            tally.add("P4.FATALITIES_MALICIOUS", rs.getString(1), rs.getInt(2), rs.getLong(7));
        }, tally);
        query(connection, PERSONNEL, bound, rs -> { }, tally);
        query(connection, ALLEGATIONS, bound, rs -> {
            if (SEA.contains(rs.getString(5))) {
                tally.add("P5.SEA_ALLEGATIONS", rs.getString(1), rs.getInt(2), rs.getLong(6));
                tally.add("sea_closed", rs.getString(1), rs.getInt(2), rs.getLong(7));
            }
        }, tally);
        query(connection, investigationDays(), bound, rs -> { }, tally);
        query(connection, SITES, bound, rs -> {
            tally.add("site_assessments", rs.getString(1), rs.getInt(3), rs.getLong(6));
            tally.add("site_high_risk", rs.getString(1), rs.getInt(3), rs.getLong(8));
        }, tally);
        Map<ReferenceCheck.Key, Double> values = new HashMap<>();
        tally.sums.forEach((key, sum) -> {
            switch (key.indicator()) {
                case "P4.FATALITIES_ALL", "P4.FATALITIES_MALICIOUS", "P5.SEA_ALLEGATIONS" -> values.put(key, sum);
                case "sea_closed" -> share(values, "P5.SEA_INVESTIGATIONS_CLOSED", key, sum, tally.get("P5.SEA_ALLEGATIONS", key));
                case "site_high_risk" -> share(values, "P5.ENVIRONMENT_HIGH_RISK", key, sum, tally.get("site_assessments", key));
                default -> { }
            }
        });
        return new Totals(values, tally.rows);
    }

    private static void share(Map<ReferenceCheck.Key, Double> values, String indicator, ReferenceCheck.Key key, double part, double whole) {
        if (whole > 0) {
            values.put(new ReferenceCheck.Key(indicator, key.mission(), key.year()), 100 * part / whole);
        }
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection connection, String sql, long bound, RowReader reader, Tally tally) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, bound);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    tally.rows++;
                    reader.read(rs);
                }
            }
        }
    }

    /** Sums by (indicator or partial, mission, year). */
    private static final class Tally {
        final Map<ReferenceCheck.Key, Double> sums = new HashMap<>();
        long rows;

        void add(String name, String mission, int year, long amount) {
            sums.merge(new ReferenceCheck.Key(name, mission, year), (double) amount, Double::sum);
        }

        double get(String name, ReferenceCheck.Key key) {
            return sums.getOrDefault(new ReferenceCheck.Key(name, key.mission(), key.year()), 0.0);
        }
    }

    private static final String FATALITIES = """
            SELECT "mission", EXTRACT(YEAR FROM "incident_date"), EXTRACT(MONTH FROM "incident_date"), "personnel_type", "incident_type",
                   COUNT(*),
                   SUM(CASE WHEN "incident_type" = 'malicious_act' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN "incident_type" = 'malicious_act' AND "personnel_type" IN ('military', 'military_observer', 'police') THEN 1 ELSE 0 END)
            FROM rec_fatality WHERE retired_by IS NULL AND id > ?
            GROUP BY "mission", EXTRACT(YEAR FROM "incident_date"), EXTRACT(MONTH FROM "incident_date"), "personnel_type", "incident_type"
            """;

    private static final String PERSONNEL = """
            SELECT "mission", "report_date", "category", SUM("women"), SUM("women" + "men")
            FROM rec_personnel WHERE retired_by IS NULL AND id > ?
            GROUP BY "mission", "report_date", "category"
            """;

    private static final String ALLEGATIONS = """
            SELECT "mission", EXTRACT(YEAR FROM "reported_on"), EXTRACT(MONTH FROM "reported_on"), "personnel_category", "category",
                   COUNT(*),
                   SUM(CASE WHEN "investigation_closed_on" IS NOT NULL THEN 1 ELSE 0 END)
            FROM rec_allegation WHERE retired_by IS NULL AND id > ?
            GROUP BY "mission", EXTRACT(YEAR FROM "reported_on"), EXTRACT(MONTH FROM "reported_on"), "personnel_category", "category"
            """;

    private String investigationDays() {
        String days = dialect.daysBetween("\"reported_on\"", "\"investigation_closed_on\"");
        return "SELECT \"mission\", EXTRACT(YEAR FROM \"reported_on\"), EXTRACT(MONTH FROM \"reported_on\"), \"personnel_category\", \"category\", "
                + days + ", COUNT(*) FROM rec_allegation WHERE retired_by IS NULL AND id > ? AND \"investigation_closed_on\" IS NOT NULL"
                + " AND \"category\" IN ('sexual_exploitation', 'sexual_abuse')"
                + " GROUP BY \"mission\", EXTRACT(YEAR FROM \"reported_on\"), EXTRACT(MONTH FROM \"reported_on\"), \"personnel_category\", \"category\", " + days;
    }

    private static final String SITES = """
            SELECT "mission", "site", EXTRACT(YEAR FROM "assessed_on"), EXTRACT(MONTH FROM "assessed_on"), "pillar",
                   COUNT(*),
                   SUM(CASE WHEN "risk_level" = 'minimum' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN "risk_level" = 'high' THEN 1 ELSE 0 END)
            FROM rec_site_environment WHERE retired_by IS NULL AND id > ?
            GROUP BY "mission", "site", EXTRACT(YEAR FROM "assessed_on"), EXTRACT(MONTH FROM "assessed_on"), "pillar"
            """;
}
