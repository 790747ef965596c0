package org.a4p.ingest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.a4p.db.Dialect;
import org.a4p.pack.Field;
import org.a4p.pack.Plausibility;
import org.a4p.pack.RecordType;

/**
 * Holds new values against the group's own history (the current records stored before this
 * import): a month whose share of women jumps tenfold is implausible, and is accepted only on
 * the user's explicit word.
 */
final class PlausibilityCheck {
    private final RecordType type;
    private final Dialect dialect;
    /** Per rule: the sorted history of ratios per group key. */
    private final Map<Plausibility, Map<String, double[]>> histories = new HashMap<>();

    PlausibilityCheck(RecordType type, Dialect dialect) {
        this.type = type;
        this.dialect = dialect;
    }

    void load(Connection connection) throws SQLException {
        for (Plausibility rule : type.plausibility()) {
            List<String> columns = new ArrayList<>(rule.group());
            columns.add(rule.numerator());
            columns.addAll(rule.denominator());
            String select = columns.stream().map(dialect::quote).collect(Collectors.joining(", "));
            Map<String, List<Double>> ratios = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + select + " FROM " + type.tableName() + " WHERE retired_by IS NULL")) {
                statement.setFetchSize(10_000);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        StringBuilder key = new StringBuilder();
                        for (int i = 0; i < rule.group().size(); i++) {
                            key.append(rs.getString(i + 1)).append('\u001f');
                        }
                        Double ratio = ratio(rule, rs.getObject(rule.group().size() + 1), denominators(rs, rule));
                        if (ratio != null) {
                            ratios.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(ratio);
                        }
                    }
                }
            }
            Map<String, double[]> sorted = new HashMap<>();
            ratios.forEach((key, list) -> {
                double[] values = list.stream().mapToDouble(Double::doubleValue).toArray();
                Arrays.sort(values);
                sorted.put(key, values);
            });
            histories.put(rule, sorted);
        }
    }

    private static Object[] denominators(ResultSet rs, Plausibility rule) throws SQLException {
        Object[] out = new Object[rule.denominator().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rs.getObject(rule.group().size() + 2 + i);
        }
        return out;
    }

    /** The reason a record is implausible, or null when every rule accepts it (or cannot judge). */
    String check(Object[] values) {
        List<Field> fields = type.fields();
        for (Plausibility rule : type.plausibility()) {
            StringBuilder key = new StringBuilder();
            for (String name : rule.group()) {
                key.append(values[indexOf(fields, name)]).append('\u001f');
            }
            double[] history = histories.getOrDefault(rule, Map.of()).get(key.toString());
            if (history == null || history.length < rule.minHistory()) {
                continue;
            }
            Object[] denominator = rule.denominator().stream().map(name -> values[indexOf(fields, name)]).toArray();
            Double ratio = ratio(rule, values[indexOf(fields, rule.numerator())], denominator);
            double median = history.length % 2 == 1 ? history[history.length / 2]
                    : (history[history.length / 2 - 1] + history[history.length / 2]) / 2;
            if (ratio == null || median <= 0) {
                continue;
            }
            if (ratio > median * rule.maxFactor() || ratio < median / rule.maxFactor()) {
                String what = rule.denominator().isEmpty() ? rule.numerator()
                        : rule.numerator() + " / (" + String.join(" + ", rule.denominator()) + ")";
                return "implausible (rule " + rule.id() + "): " + what + " is " + round(ratio) + ", more than "
                        + round(rule.maxFactor()) + " times " + (ratio > median ? "above" : "below") + " the median "
                        + round(median) + " of the " + history.length + " earlier records with the same "
                        + String.join(", ", rule.group());
            }
        }
        return null;
    }

    private static Double ratio(Plausibility rule, Object numerator, Object[] denominator) {
        if (!(numerator instanceof Number n)) {
            return null;
        }
        if (denominator.length == 0) {
            return n.doubleValue();
        }
        double sum = 0;
        for (Object part : denominator) {
            if (!(part instanceof Number d)) {
                return null;
            }
            sum += d.doubleValue();
        }
        return sum == 0 ? null : n.doubleValue() / sum;
    }

    private static String round(double value) {
        return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static int indexOf(List<Field> fields, String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no field " + name);
    }
}
