package org.a4p.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares the reference's mission x year totals with the values the product's refresh stored, so
 * the two sides of the ratio are known to compute the same numbers.
 */
final class ReferenceCheck {
    static final List<String> INDICATORS = List.of("P4.FATALITIES_ALL", "P4.FATALITIES_MALICIOUS", "P5.SEA_ALLEGATIONS",
            "P5.SEA_INVESTIGATIONS_CLOSED", "P5.ENVIRONMENT_HIGH_RISK");
    /** Counts the product may store as 0 where the reference has no group; shares have no value there. */
    private static final Set<String> COUNTS = Set.of("P4.FATALITIES_ALL", "P4.FATALITIES_MALICIOUS", "P5.SEA_ALLEGATIONS");
    private static final double TOLERANCE = 1e-6;

    record Key(String indicator, String mission, int year) {}

    /**
     * {@code matches}: values were compared and none differ; {@code mismatches} lists up to ten, as
     * "indicator mission year: product X, reference Y".
     */
    record Outcome(boolean matches, List<String> indicators, int valuesCompared, int mismatchCount, List<String> mismatches) {}

    static Outcome compare(Connection connection, ReferenceAggregations.Totals reference) throws SQLException {
        Set<String> missions = new HashSet<>();
        reference.values().keySet().forEach(key -> missions.add(key.mission()));
        Map<Key, Double> product = stored(connection, missions);
        Set<Key> keys = new HashSet<>(product.keySet());
        keys.addAll(reference.values().keySet());
        int mismatchCount = 0;
        List<String> mismatches = new ArrayList<>();
        for (Key key : keys) {
            Double ours = orZero(key, product.get(key));
            Double theirs = orZero(key, reference.values().get(key));
            boolean same = ours == null ? theirs == null : theirs != null && Math.abs(ours - theirs) <= TOLERANCE;
            if (!same) {
                mismatchCount++;
                if (mismatches.size() < 10) {
                    mismatches.add(key.indicator() + " " + key.mission() + " " + key.year() + ": product " + ours + ", reference " + theirs);
                }
            }
        }
        return new Outcome(mismatchCount == 0 && !keys.isEmpty(), INDICATORS, keys.size(), mismatchCount, mismatches);
    }

    private static Double orZero(Key key, Double value) {
        return value == null && COUNTS.contains(key.indicator()) ? Double.valueOf(0) : value;
    }

    /** The product's yearly totals (no disaggregation) of the compared indicators, for the bench's missions. */
    private static Map<Key, Double> stored(Connection connection, Set<String> missions) throws SQLException {
        String marks = String.join(", ", java.util.Collections.nCopies(INDICATORS.size(), "?"));
        Map<Key, Double> out = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT indicator_id, org_unit, period, amount FROM indicator_value"
                + " WHERE indicator_id IN (" + marks + ") AND disaggregation = '' AND LENGTH(period) = 4")) {
            for (int i = 0; i < INDICATORS.size(); i++) {
                statement.setString(i + 1, INDICATORS.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    double amount = rs.getDouble(4);
                    boolean noValue = rs.wasNull(); // read before any other column: wasNull speaks of the last one read
                    if (!noValue && missions.contains(rs.getString(2))) {
                        out.put(new Key(rs.getString(1), rs.getString(2), Integer.parseInt(rs.getString(3))), amount);
                    }
                }
            }
        }
        return out;
    }
}
