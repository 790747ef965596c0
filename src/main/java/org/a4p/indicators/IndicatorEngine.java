package org.a4p.indicators;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.a4p.db.Dialect;
import org.a4p.indicators.formula.Aggregate;
import org.a4p.indicators.formula.AggregateFunction;
import org.a4p.indicators.formula.Evaluator;
import org.a4p.indicators.formula.Formula;
import org.a4p.indicators.formula.FormulaException;
import org.a4p.indicators.formula.FormulaSql;
import org.a4p.indicators.formula.SqlFragment;
import org.a4p.ingest.Importer;

import org.a4p.pack.Indicator;
import org.a4p.pack.Pack;
import org.a4p.pack.RecordType;

/**
 * Computes indicator values and keeps them in {@code indicator_value}. Each record type is read
 * once per refresh: one GROUP BY query computes the partials of every aggregate on that type at
 * the finest grain (mission, site, month or day, disaggregation); the rollups to quarters, years,
 * scopes and totals, and the formulas' arithmetic, are done in memory from those partials.
 * Medians need the values themselves and get one histogram query each.
 */
public final class IndicatorEngine implements Importer.Refresh {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IndicatorEngine.class);
    private final Pack pack;
    private final Dialect dialect;
    private final Map<String, Formula> formulas = new LinkedHashMap<>();
    /** The table each record type is read from: its records table, unless this engine only computes. */
    private final Function<RecordType, String> tables;
    /** An engine that reads other tables than the records tables computes values; it never stores them. */
    private final boolean computesOnly;

    public IndicatorEngine(Pack pack, Dialect dialect) {
        this(pack, dialect, RecordType::tableName, false);
    }

    private IndicatorEngine(Pack pack, Dialect dialect, Function<RecordType, String> tables, boolean computesOnly) {
        this.pack = pack;
        this.dialect = dialect;
        this.tables = tables;
        this.computesOnly = computesOnly;
        for (Indicator indicator : pack.indicators()) {
            try {
                formulas.put(indicator.id(), Formula.parse(indicator.formula()));
            } catch (FormulaException e) {
                throw new IllegalArgumentException("indicator " + indicator.id() + ": formula " + e.getMessage(), e);
            }
        }
    }

    /**
     * An engine that computes from approved records only: the approved twin of each records table.
     * The system's own records (data quality) need no approval and are read as they are.
     */
    public static IndicatorEngine approvedOnly(Pack pack, Dialect dialect) {
        return reading(pack, dialect, type -> type.reporting().system() ? type.tableName() : type.approvedTableName());
    }

    /**
     * An engine that reads each record type from the table {@code tables} names (which must have the
     * columns the engine reads: the type's fields, {@code synthetic}, {@code flagged}, {@code
     * provisional} and {@code retired_by}); it only computes. Explaining a value runs it on the
     * records as they stood after a given submission.
     */
    public static IndicatorEngine reading(Pack pack, Dialect dialect, Function<RecordType, String> tables) {
        return new IndicatorEngine(pack, dialect, tables, true);
    }

    /** What a refresh did, for the bench: values computed, and rows of indicator_value written. */
    public record RefreshStats(int indicators, int values, int queries, long partialRows, int written) {}

    /** Recomputes every indicator over every record. */
    public RefreshStats refreshAll(Connection connection) throws SQLException {
        return run(connection, pack.indicators(), null, null);
    }

    /** Recomputes the indicators that read any of the types, for the years given (and those between). */
    @Override
    public void refresh(Connection connection, Set<String> recordTypes, Set<Integer> years) throws SQLException {
        if (years.isEmpty()) {
            return;
        }
        List<Indicator> affected = pack.indicators().stream()
                .filter(i -> formulas.get(i.id()).recordTypes().stream().anyMatch(recordTypes::contains))
                .toList();
        int from = years.stream().min(Integer::compare).orElseThrow();
        int to = years.stream().max(Integer::compare).orElseThrow();
        run(connection, affected, from, to);
    }

    /** Computes values without storing them, for the given indicators and years (null for all). */
    public List<IndicatorValue> compute(Connection connection, List<Indicator> indicators, Integer fromYear, Integer toYear)
            throws SQLException {
        Partials partials = new Partials();
        scan(connection, indicators, fromYear, toYear, partials);
        List<IndicatorValue> out = new ArrayList<>();
        for (Indicator indicator : indicators) {
            evaluate(indicator, partials, out);
        }
        return out;
    }

    private RefreshStats run(Connection connection, List<Indicator> indicators, Integer fromYear, Integer toYear)
            throws SQLException {
        if (computesOnly) {
            throw new IllegalStateException("an engine reading other tables than the records tables computes values; it never stores them");
        }
        long started = System.nanoTime();
        Partials partials = new Partials();
        scan(connection, indicators, fromYear, toYear, partials);
        long scanned = System.nanoTime();
        List<IndicatorValue> values = new ArrayList<>();
        for (Indicator indicator : indicators) {
            evaluate(indicator, partials, values);
        }
        long evaluated = System.nanoTime();
        ValueTable.Writes writes = new ValueTable().replace(connection, indicators.stream().map(Indicator::id).toList(), fromYear,
                toYear, values);
        LOG.debug("refresh of {} indicators, years {} to {}: {} queries read {} partial rows in {} ms; {} values evaluated in {} ms;"
                        + " {} written in {} ms", indicators.size(), fromYear, toYear, partials.queries, partials.rows,
                (scanned - started) / 1_000_000, values.size(), (evaluated - scanned) / 1_000_000,
                writes.inserted() + writes.updated() + writes.deleted(), (System.nanoTime() - evaluated) / 1_000_000);
        return new RefreshStats(indicators.size(), values.size(), partials.queries, partials.rows,
                writes.inserted() + writes.updated() + writes.deleted());
    }

    /** The aggregates' accumulators, by aggregate and value key. */
    private static final class Partials {
        final Map<Aggregate, Map<ValueKey, Accumulator>> byAggregate = new HashMap<>();
        int queries;
        long rows;
    }

    record ValueKey(String orgUnit, String period, String disaggregation) {}

    private void scan(Connection connection, List<Indicator> indicators, Integer fromYear, Integer toYear, Partials partials)
            throws SQLException {
        Map<String, Map<Aggregate, Set<String>>> byType = new LinkedHashMap<>();
        for (Indicator indicator : indicators) {
            for (Aggregate aggregate : formulas.get(indicator.id()).aggregates()) {
                RecordType type = pack.recordType(aggregate.recordType()).orElseThrow();
                Set<String> disaggregations = byType.computeIfAbsent(type.id(), t -> new LinkedHashMap<>())
                        .computeIfAbsent(aggregate, a -> new LinkedHashSet<>());
                for (String field : indicator.disaggregations()) {
                    if (type.field(field).isPresent()) {
                        disaggregations.add(field);
                    }
                }
            }
        }
        for (Map.Entry<String, Map<Aggregate, Set<String>>> entry : byType.entrySet()) {
            RecordType type = pack.recordType(entry.getKey()).orElseThrow();
            new TypeScan(type, entry.getValue(), fromYear, toYear).run(connection, partials);
        }
    }

    /** The one query (plus one per median) that reads a record type for a refresh. */
    private final class TypeScan {
        private final RecordType type;
        private final List<Aggregate> aggregates;
        private final Map<Aggregate, Set<String>> disaggregations;
        private final List<String> groupFields;
        private final boolean byDay;
        private final Integer fromYear;
        private final Integer toYear;
        private final String[] labels = new String[3 * 12 * 400];

        TypeScan(RecordType type, Map<Aggregate, Set<String>> aggregates, Integer fromYear, Integer toYear) {
            this.type = type;
            this.aggregates = List.copyOf(aggregates.keySet());
            this.disaggregations = aggregates;
            Set<String> fields = new LinkedHashSet<>();
            aggregates.values().forEach(fields::addAll);
            this.groupFields = List.copyOf(fields);
            this.byDay = this.aggregates.stream().anyMatch(a -> a.function() == AggregateFunction.LAST);
            this.fromYear = fromYear;
            this.toYear = toYear;
        }

        void run(Connection connection, Partials partials) throws SQLException {
            List<Aggregate> plain = aggregates.stream().filter(a -> a.function() != AggregateFunction.MEDIAN).toList();
            if (!plain.isEmpty()) {
                runPlain(connection, plain, partials);
            }
            for (Aggregate median : aggregates) {
                if (median.function() == AggregateFunction.MEDIAN) {
                    runHistogram(connection, median, partials);
                }
            }
        }

        private String groupColumns() {
            StringBuilder out = new StringBuilder(dialect.quote(type.missionField()));
            out.append(", ").append(type.siteField() == null ? "CAST(NULL AS VARCHAR(128))" : dialect.quote(type.siteField()));
            String date = dialect.quote(type.dateField());
            out.append(byDay ? ", " + date : ", EXTRACT(YEAR FROM " + date + "), EXTRACT(MONTH FROM " + date + ")");
            for (String field : groupFields) {
                out.append(", ").append(dialect.quote(field));
            }
            return out.toString();
        }

        private String table() {
            return tables.apply(type);
        }

        private String where(List<Object> parameters) {
            StringBuilder out = new StringBuilder(" WHERE retired_by IS NULL AND " + dialect.quote(type.dateField()) + " IS NOT NULL");
            if (fromYear != null) {
                out.append(" AND ").append(dialect.quote(type.dateField())).append(" >= ? AND ")
                        .append(dialect.quote(type.dateField())).append(" < ?");
                parameters.add(LocalDate.of(fromYear, 1, 1));
                parameters.add(LocalDate.of(toYear + 1, 1, 1));
            }
            return out.toString();
        }

        private void runPlain(Connection connection, List<Aggregate> plain, Partials partials) throws SQLException {
            List<Object> parameters = new ArrayList<>();
            StringBuilder select = new StringBuilder("SELECT ").append(groupColumns());
            select.append(", MAX(CASE WHEN synthetic THEN 1 ELSE 0 END), MAX(CASE WHEN flagged THEN 1 ELSE 0 END),"
                    + " MAX(CASE WHEN provisional THEN 1 ELSE 0 END)");
            // Each aggregate reads two partial columns: its measure (SUM, MIN or MAX; a count has
            // none) and the number of records that fed it.
            for (Aggregate aggregate : plain) {
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
            select.append(" FROM ").append(table()).append(where(parameters));
            select.append(" GROUP BY ").append(groupColumns());
            try (PreparedStatement statement = connection.prepareStatement(select.toString())) {
                bind(statement, parameters);
                statement.setFetchSize(5000);
                try (ResultSet rs = statement.executeQuery()) {
                    partials.queries++;
                    int base = 3 + (byDay ? 1 : 2) + groupFields.size();
                    while (rs.next()) {
                        partials.rows++;
                        Group group = group(rs);
                        boolean synthetic = rs.getInt(base) == 1;
                        boolean flagged = rs.getInt(base + 1) == 1;
                        boolean provisional = rs.getInt(base + 2) == 1;
                        int column = base + 3;
                        for (Aggregate aggregate : plain) {
                            Map<ValueKey, Accumulator> accumulators = partials.byAggregate.computeIfAbsent(aggregate, a -> new HashMap<>());
                            double measure = rs.getDouble(column);
                            long count = rs.getLong(column + 1);
                            column += 2;
                            boolean last = aggregate.function() == AggregateFunction.LAST;
                            for (ValueKey key : keys(group, disaggregations.get(aggregate))) {
                                Accumulator acc = accumulators.computeIfAbsent(key, k -> new Accumulator());
                                if (last) {
                                    acc.addLast(group.day, measure, count);
                                } else {
                                    acc.add(measure, count);
                                }
                                acc.synthetic |= synthetic;
                                acc.flagged |= flagged;
                                acc.provisional |= provisional;
                            }
                        }
                    }
                }
            }
        }

        private void runHistogram(Connection connection, Aggregate median, Partials partials) throws SQLException {
            List<Object> parameters = new ArrayList<>();
            SqlFragment value = FormulaSql.rowValue(median.argument(), dialect);
            SqlFragment condition = median.where() == null ? null : FormulaSql.condition(median.where(), type, dialect);
            StringBuilder select = new StringBuilder("SELECT ").append(groupColumns())
                    .append(", MAX(CASE WHEN synthetic THEN 1 ELSE 0 END), MAX(CASE WHEN flagged THEN 1 ELSE 0 END),")
                    .append(" MAX(CASE WHEN provisional THEN 1 ELSE 0 END), ")
                    .append(value.sql()).append(", COUNT(*)");
            parameters.addAll(value.parameters());
            select.append(" FROM ").append(table()).append(where(parameters));
            select.append(" AND (").append(value.sql()).append(") IS NOT NULL");
            parameters.addAll(value.parameters());
            if (condition != null) {
                select.append(" AND (").append(condition.sql()).append(")");
                parameters.addAll(condition.parameters());
            }
            select.append(" GROUP BY ").append(groupColumns()).append(", ").append(value.sql());
            parameters.addAll(value.parameters());
            try (PreparedStatement statement = connection.prepareStatement(select.toString())) {
                bind(statement, parameters);
                statement.setFetchSize(5000);
                try (ResultSet rs = statement.executeQuery()) {
                    partials.queries++;
                    int base = 3 + (byDay ? 1 : 2) + groupFields.size();
                    Map<ValueKey, Accumulator> accumulators = partials.byAggregate.computeIfAbsent(median, a -> new HashMap<>());
                    while (rs.next()) {
                        partials.rows++;
                        Group group = group(rs);
                        boolean synthetic = rs.getInt(base) == 1;
                        boolean flagged = rs.getInt(base + 1) == 1;
                        boolean provisional = rs.getInt(base + 2) == 1;
                        double v = rs.getDouble(base + 3);
                        long times = rs.getLong(base + 4);
                        for (ValueKey key : keys(group, disaggregations.get(median))) {
                            Accumulator acc = accumulators.computeIfAbsent(key, k -> new Accumulator());
                            acc.addValue(v, times);
                            acc.synthetic |= synthetic;
                            acc.flagged |= flagged;
                            acc.provisional |= provisional;
                        }
                    }
                }
            }
        }

        private record Group(String mission, String site, int year, int month, int day, Map<String, String> values) {}

        private Group group(ResultSet rs) throws SQLException {
            String mission = rs.getString(1);
            String site = rs.getString(2);
            int year;
            int month;
            int day = 0;
            int column;
            if (byDay) {
                LocalDate date = rs.getObject(3, LocalDate.class);
                year = date.getYear();
                month = date.getMonthValue();
                day = (int) date.toEpochDay();
                column = 4;
            } else {
                year = rs.getInt(3);
                month = rs.getInt(4);
                column = 5;
            }
            Map<String, String> values = groupFields.isEmpty() ? Map.of() : new HashMap<>();
            for (String field : groupFields) {
                Object value = rs.getObject(column++);
                values.put(field, value == null ? null : value.toString());
            }
            return new Group(mission, site, year, month, day, values);
        }

        private List<ValueKey> keys(Group group, Collection<String> disaggregationFields) {
            List<String> orgs = new ArrayList<>(3);
            if (group.site != null) {
                orgs.add(group.site);
            }
            orgs.add(group.mission);
            String scope = pack.orgUnits().scopeOf(group.mission);
            if (scope != null) {
                orgs.add(scope);
            }
            String[] periods = periods(group.year, group.month);
            List<String> disaggregationLabels = new ArrayList<>(1 + disaggregationFields.size());
            disaggregationLabels.add("");
            for (String field : disaggregationFields) {
                String value = group.values.get(field);
                if (value != null) {
                    disaggregationLabels.add(field + "=" + value);
                }
            }
            List<ValueKey> out = new ArrayList<>(orgs.size() * 3 * disaggregationLabels.size());
            for (String org : orgs) {
                for (String period : periods) {
                    for (String disaggregation : disaggregationLabels) {
                        out.add(new ValueKey(org, period, disaggregation));
                    }
                }
            }
            return out;
        }

        private String[] periods(int year, int month) {
            int slot = ((year - 1800) * 12 + month - 1) * 3;
            if (slot < 0 || slot + 2 >= labels.length) {
                return new String[] {Period.year(year), Period.quarter(year, month), Period.month(year, month)};
            }
            if (labels[slot] == null) {
                labels[slot] = Period.year(year);
                labels[slot + 1] = Period.quarter(year, month);
                labels[slot + 2] = Period.month(year, month);
            }
            return new String[] {labels[slot], labels[slot + 1], labels[slot + 2]};
        }
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }

    private void evaluate(Indicator indicator, Partials partials, List<IndicatorValue> out) {
        Formula formula = formulas.get(indicator.id());
        List<Aggregate> aggregates = formula.aggregates();
        Set<ValueKey> keys = new LinkedHashSet<>();
        for (Aggregate aggregate : aggregates) {
            for (ValueKey key : partials.byAggregate.getOrDefault(aggregate, Map.of()).keySet()) {
                if (key.disaggregation().isEmpty() || indicator.disaggregations().contains(fieldOf(key.disaggregation()))) {
                    keys.add(key);
                }
            }
        }
        for (ValueKey key : keys) {
            Map<String, Long> recordsByType = new HashMap<>();
            boolean[] synthetic = {false};
            boolean[] flagged = {false};
            boolean[] provisional = {false};
            Double value = Evaluator.evaluate(formula.root(), aggregate -> {
                Accumulator acc = lookup(partials, aggregate, key);
                long records = acc == null ? 0 : (aggregate.function() == AggregateFunction.LAST ? acc.lastCount : acc.count);
                recordsByType.merge(aggregate.recordType(), records, Math::max);
                if (acc != null) {
                    synthetic[0] |= acc.synthetic;
                    flagged[0] |= acc.flagged;
                    provisional[0] |= acc.provisional;
                }
                return valueOf(aggregate, acc);
            });
            long records = recordsByType.values().stream().mapToLong(Long::longValue).sum();
            if (value != null && (value.isNaN() || value.isInfinite())) {
                value = null;
            }
            out.add(new IndicatorValue(indicator.id(), key.orgUnit(), key.period(), key.disaggregation(), value, records,
                    synthetic[0], flagged[0], provisional[0]));
        }
    }

    private Accumulator lookup(Partials partials, Aggregate aggregate, ValueKey key) {
        Map<ValueKey, Accumulator> accumulators = partials.byAggregate.getOrDefault(aggregate, Map.of());
        if (!key.disaggregation().isEmpty()) {
            RecordType type = pack.recordType(aggregate.recordType()).orElseThrow();
            if (type.field(fieldOf(key.disaggregation())).isEmpty()) {
                return accumulators.get(new ValueKey(key.orgUnit(), key.period(), ""));
            }
        }
        return accumulators.get(key);
    }

    private static String fieldOf(String disaggregation) {
        return disaggregation.substring(0, disaggregation.indexOf('='));
    }

    private static Double valueOf(Aggregate aggregate, Accumulator acc) {
        if (aggregate.function() == AggregateFunction.COUNT) {
            return acc == null ? 0.0 : (double) acc.count;
        }
        if (acc == null) {
            return null;
        }
        return switch (aggregate.function()) {
            case SUM -> acc.count == 0 ? null : acc.sum;
            case AVG -> acc.count == 0 ? null : acc.sum / acc.count;
            case MIN -> acc.count == 0 ? null : acc.min;
            case MAX -> acc.count == 0 ? null : acc.max;
            case LAST -> acc.lastCount == 0 ? null : acc.lastSum;
            case MEDIAN -> acc.median();
            case COUNT -> (double) acc.count;
        };
    }

}
