package org.a4p.indicators;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.a4p.db.Dialect;
import org.a4p.indicators.formula.Aggregate;
import org.a4p.indicators.formula.AggregateFunction;
import org.a4p.indicators.formula.Evaluator;
import org.a4p.indicators.formula.Formula;
import org.a4p.indicators.formula.FormulaException;
import org.a4p.ingest.Importer;
import org.a4p.pack.Indicator;
import org.a4p.pack.Pack;
import org.a4p.pack.RecordType;
import org.a4p.workflow.LockStore;

/**
 * Computes indicator values and keeps them in {@code indicator_value}. A record type is read by
 * one GROUP BY query for the partials of every aggregate on it at the finest grain (mission,
 * site, month or day, breakdown values), plus one histogram query per median. The engine that
 * stores values keeps those partials in {@code indicator_partial}: a refresh after a submission
 * recomputes the partials of the mission-months it changed, then rolls the partials of the years
 * they fall in up to months, quarters, years, scopes and totals, and evaluates the formulas; a full
 * refresh rolls up the stored partials without reading a record.
 */
public final class IndicatorEngine implements Importer.Refresh {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IndicatorEngine.class);
    /** Beyond this many missions changed, their years are recomputed whole: one query instead of one per mission. */
    private static final int MISSIONS_ONE_BY_ONE = 8;
    private final Pack pack;
    private final Dialect dialect;
    private final Map<String, Formula> formulas = new LinkedHashMap<>();
    /** The table each record type is read from: its records table, unless this engine only computes. */
    private final Function<RecordType, String> tables;
    /** An engine that reads other tables than the records tables computes values; it never stores them. */
    private final boolean computesOnly;
    /** The layout of the stored partials of each type an indicator reads: what every indicator of the pack needs. */
    private final Map<String, TypeLayout> layouts;
    private final PartialStore partials;
    private final LockStore locks = new LockStore();

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
        this.layouts = TypeLayout.of(pack, formulas, pack.indicators());
        this.partials = new PartialStore(dialect);
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

    /**
     * What a refresh did, for the bench: indicators and values computed, queries over records,
     * partial rows rolled up, rows of indicator_value written, and record types whose partials were
     * rebuilt from every record; {@code scope} says which values were refreshed.
     */
    public record RefreshStats(String scope, int indicators, int values, int queries, long partialRows, int written, int typesRebuilt) {
        static final RefreshStats NOTHING = new RefreshStats("nothing", 0, 0, 0, 0, 0, 0);
    }

    /** Recomputes every indicator: from the stored partials where they are complete, from the records where not. */
    public RefreshStats refreshAll(Connection connection) throws SQLException {
        requireStoring();
        Work work = new Work();
        Rollup rollup = new Rollup(pack.orgUnits(), Rollup.Scope.ALL);
        rollUp(connection, pack.indicators(), null, null, rollup, work);
        return store(connection, pack.indicators(), rollup, work,
                values -> new ValueTable(dialect).replace(connection, ids(pack.indicators()), (Integer) null, null, values), "every year");
    }

    /** Recomputes every indicator from every record, rebuilding every stored partial first. */
    public RefreshStats rebuildAll(Connection connection) throws SQLException {
        requireStoring();
        partials.forget(connection, layouts.keySet());
        return refreshAll(connection);
    }

    /** Recomputes the indicators that read any of the types, for the years given (and those between). */
    @Override
    public void refresh(Connection connection, Set<String> recordTypes, Set<Integer> years) throws SQLException {
        refreshYears(connection, recordTypes, years);
    }

    RefreshStats refreshYears(Connection connection, Set<String> recordTypes, Set<Integer> years) throws SQLException {
        requireStoring();
        List<Indicator> affected = reading(recordTypes);
        if (years.isEmpty() || affected.isEmpty()) {
            return RefreshStats.NOTHING;
        }
        int from = years.stream().min(Integer::compare).orElseThrow();
        int to = years.stream().max(Integer::compare).orElseThrow();
        LocalDate start = LocalDate.of(from, 1, 1);
        LocalDate end = LocalDate.of(to + 1, 1, 1);
        Work work = new Work();
        for (String typeId : recordTypes) {
            TypeLayout layout = layouts.get(typeId);
            if (layout != null && complete(connection, layout)) {
                work.fresh.put(typeId, recompute(connection, layout, new RecordScan.Range(start, end, null), work));
            }
        }
        Rollup rollup = new Rollup(pack.orgUnits(), Rollup.Scope.ALL);
        rollUp(connection, affected, start, end, rollup, work);
        return store(connection, affected, rollup, work, values -> new ValueTable(dialect).replace(connection, ids(affected), from, to,
                values), "years " + from + " to " + to);
    }

    @Override
    public void refreshMonths(Connection connection, String recordType, Map<String, Set<YearMonth>> monthsByMission,
            Set<String> otherTypes, Set<Integer> otherYears) throws SQLException {
        refreshCells(connection, recordType, monthsByMission, otherTypes, otherYears);
    }

    /**
     * The refresh after changes to some missions' months of one type: their partials recomputed,
     * and only the values those months feed (their missions, sites and scopes in their months,
     * quarters and years). Many missions, or partials not complete, and the years are refreshed.
     * Returns what the narrowed part did (or the years' refresh).
     */
    RefreshStats refreshCells(Connection connection, String recordType, Map<String, Set<YearMonth>> monthsByMission,
            Set<String> otherTypes, Set<Integer> otherYears) throws SQLException {
        requireStoring();
        TypeLayout layout = layouts.get(recordType);
        boolean few = monthsByMission.size() <= MISSIONS_ONE_BY_ONE && !monthsByMission.containsKey(null);
        if (layout == null || monthsByMission.isEmpty() || !few || !complete(connection, layout)) {
            Set<String> types = new LinkedHashSet<>(otherTypes);
            types.add(recordType);
            Set<Integer> years = new TreeSet<>(otherYears);
            monthsByMission.values().forEach(months -> months.forEach(month -> years.add(month.getYear())));
            return refreshYears(connection, types, years);
        }
        Work work = new Work();
        Set<String> periods = new TreeSet<>();
        Set<Integer> years = new TreeSet<>();
        Set<String> scopes = new TreeSet<>();
        for (Map.Entry<String, Set<YearMonth>> entry : monthsByMission.entrySet()) {
            YearMonth first = entry.getValue().stream().min(YearMonth::compareTo).orElseThrow();
            YearMonth last = entry.getValue().stream().max(YearMonth::compareTo).orElseThrow();
            recompute(connection, layout, new RecordScan.Range(first.atDay(1), last.plusMonths(1).atDay(1), entry.getKey()), work);
            for (YearMonth month : entry.getValue()) {
                periods.add(Period.year(month.getYear()));
                periods.add(Period.quarter(month.getYear(), month.getMonthValue()));
                periods.add(Period.month(month.getYear(), month.getMonthValue()));
                years.add(month.getYear());
            }
            String scope = pack.orgUnits().scopeOf(entry.getKey());
            if (scope != null) {
                scopes.add(scope);
            }
        }
        List<Indicator> affected = reading(Set.of(recordType));
        Rollup.Scope scope = new Rollup.Scope(monthsByMission.keySet(), scopes, periods);
        Rollup rollup = new Rollup(pack.orgUnits(), scope);
        int fromYear = years.stream().min(Integer::compare).orElseThrow();
        int toYear = years.stream().max(Integer::compare).orElseThrow();
        rollUp(connection, affected, LocalDate.of(fromYear, 1, 1), LocalDate.of(toYear + 1, 1, 1), rollup, work);
        RefreshStats stats = store(connection, affected, rollup, work, values -> new ValueTable(dialect).replaceIn(connection, ids(affected),
                Rollup.orgUnitsOf(scope, pack.orgUnits(), rollup.sitesSeen), periods, values),
                "months of " + String.join(", ", new TreeSet<>(monthsByMission.keySet())) + ": " + periods);
        Set<String> others = new LinkedHashSet<>(otherTypes);
        others.remove(recordType);
        if (!others.isEmpty()) {
            refreshYears(connection, others, otherYears);
        }
        return stats;
    }

    @Override
    public void changedUnrefreshed(Connection connection, Set<String> recordTypes) throws SQLException {
        if (!computesOnly) {
            partials.forget(connection, recordTypes);
        }
    }

    /** Computes values without storing them, for the given indicators and years (null for all), from the records. */
    public List<IndicatorValue> compute(Connection connection, List<Indicator> indicators, Integer fromYear, Integer toYear)
            throws SQLException {
        Rollup rollup = new Rollup(pack.orgUnits(), Rollup.Scope.ALL);
        RecordScan.Range range = fromYear == null ? RecordScan.Range.ALL
                : new RecordScan.Range(LocalDate.of(fromYear, 1, 1), LocalDate.of(toYear + 1, 1, 1), null);
        for (TypeLayout layout : TypeLayout.of(pack, formulas, indicators).values()) {
            Rollup.Wanted wanted = new Rollup.Wanted(layout, layout.disaggregations);
            new RecordScan(dialect, layout, tables.apply(layout.type)).run(connection, range, row -> rollup.add(wanted, row));
        }
        List<IndicatorValue> out = new ArrayList<>();
        for (Indicator indicator : indicators) {
            evaluate(indicator, rollup, out);
        }
        return out;
    }

    private void requireStoring() {
        if (computesOnly) {
            throw new IllegalStateException("an engine reading other tables than the records tables computes values; it never stores them");
        }
    }

    private List<Indicator> reading(Set<String> recordTypes) {
        return pack.indicators().stream()
                .filter(i -> formulas.get(i.id()).recordTypes().stream().anyMatch(recordTypes::contains))
                .toList();
    }

    private static List<String> ids(List<Indicator> indicators) {
        return indicators.stream().map(Indicator::id).toList();
    }

    /** One refresh's tally, and the partial rows it computed from the records, by type, with the range they cover. */
    private static final class Work {
        final Map<String, Fresh> fresh = new HashMap<>();
        final Set<String> rebuilt = new TreeSet<>();
        int queries;
        long started = System.nanoTime();
    }

    private record Fresh(RecordScan.Range range, List<PartialRow> rows) {}

    /** Recomputes the type's partials in the range from its records, and stores them. */
    private Fresh recompute(Connection connection, TypeLayout layout, RecordScan.Range range, Work work) throws SQLException {
        List<PartialRow> rows = new ArrayList<>();
        partials.delete(connection, layout.type.id(), range);
        work.queries += new RecordScan(dialect, layout, tables.apply(layout.type)).run(connection, range, rows::add);
        partials.insert(connection, layout, rows);
        return new Fresh(range, rows);
    }

    /**
     * Whether the type's stored partials are complete for this layout. When not, they are rebuilt
     * from every record, under the type's guard so two transactions never rebuild them at once.
     */
    private boolean complete(Connection connection, TypeLayout layout) throws SQLException {
        String digest = layout.digest();
        return digest.equals(partials.digest(connection, layout.type.id()));
    }

    private void ensureComplete(Connection connection, TypeLayout layout, Work work) throws SQLException {
        if (work.fresh.containsKey(layout.type.id()) || complete(connection, layout)) {
            return;
        }
        locks.guard(connection, layout.type.id());
        if (complete(connection, layout)) {
            return;
        }
        work.fresh.put(layout.type.id(), recompute(connection, layout, RecordScan.Range.ALL, work));
        partials.markComplete(connection, layout.type.id(), layout.digest());
        work.rebuilt.add(layout.type.id());
    }

    /** Feeds the partials of every type the indicators read, with a day in [from, to) (null: all), into the rollup. */
    private void rollUp(Connection connection, List<Indicator> indicators, LocalDate from, LocalDate to, Rollup rollup, Work work)
            throws SQLException {
        for (TypeLayout wantedLayout : TypeLayout.of(pack, formulas, indicators).values()) {
            TypeLayout layout = layouts.get(wantedLayout.type.id());
            Rollup.Wanted wanted = new Rollup.Wanted(layout, wantedLayout.disaggregations);
            ensureComplete(connection, layout, work);
            Fresh fresh = work.fresh.get(layout.type.id());
            if (fresh != null && covers(fresh.range(), from, to)) {
                for (PartialRow row : fresh.rows()) {
                    if (from == null || within(row.periodDay(layout.byDay), from, to)) {
                        rollup.add(wanted, row);
                    }
                }
            } else {
                partials.read(connection, layout, from, to, row -> rollup.add(wanted, row));
            }
        }
    }

    private static boolean covers(RecordScan.Range range, LocalDate from, LocalDate to) {
        if (range.mission() != null) {
            return false;
        }
        if (range.from() == null) {
            return true;
        }
        return from != null && !from.isBefore(range.from()) && !to.isAfter(range.to());
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && day.isBefore(to);
    }

    @FunctionalInterface
    private interface Replace {
        ValueTable.Writes replace(List<IndicatorValue> values) throws SQLException;
    }

    private RefreshStats store(Connection connection, List<Indicator> indicators, Rollup rollup, Work work, Replace replace,
            String what) throws SQLException {
        long rolled = System.nanoTime();
        List<IndicatorValue> values = new ArrayList<>();
        for (Indicator indicator : indicators) {
            evaluate(indicator, rollup, values);
        }
        long evaluated = System.nanoTime();
        ValueTable.Writes writes = replace.replace(values);
        int written = writes.inserted() + writes.updated() + writes.deleted();
        LOG.debug("refresh of {} indicators, {}: {} queries over records (rebuilt: {}), {} partial rows rolled up in {} ms; {} values"
                        + " evaluated in {} ms; {} written in {} ms", indicators.size(), what, work.queries, work.rebuilt, rollup.rows,
                (rolled - work.started) / 1_000_000, values.size(), (evaluated - rolled) / 1_000_000, written,
                (System.nanoTime() - evaluated) / 1_000_000);
        return new RefreshStats(what, indicators.size(), values.size(), work.queries, rollup.rows, written, work.rebuilt.size());
    }

    private void evaluate(Indicator indicator, Rollup rollup, List<IndicatorValue> out) {
        Formula formula = formulas.get(indicator.id());
        List<Aggregate> aggregates = formula.aggregates();
        Set<Rollup.ValueKey> keys = new LinkedHashSet<>();
        for (Aggregate aggregate : aggregates) {
            for (Rollup.ValueKey key : rollup.byAggregate.getOrDefault(aggregate, Map.of()).keySet()) {
                if (key.disaggregation().isEmpty() || indicator.disaggregations().contains(fieldOf(key.disaggregation()))) {
                    keys.add(key);
                }
            }
        }
        for (Rollup.ValueKey key : keys) {
            Map<String, Long> recordsByType = new HashMap<>();
            boolean[] synthetic = {false};
            boolean[] flagged = {false};
            boolean[] provisional = {false};
            Double value = Evaluator.evaluate(formula.root(), aggregate -> {
                Accumulator acc = lookup(rollup, aggregate, key);
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

    private Accumulator lookup(Rollup rollup, Aggregate aggregate, Rollup.ValueKey key) {
        Map<Rollup.ValueKey, Accumulator> accumulators = rollup.byAggregate.getOrDefault(aggregate, Map.of());
        if (!key.disaggregation().isEmpty()) {
            RecordType type = pack.recordType(aggregate.recordType()).orElseThrow();
            if (type.field(fieldOf(key.disaggregation())).isEmpty()) {
                return accumulators.get(new Rollup.ValueKey(key.orgUnit(), key.period(), ""));
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
