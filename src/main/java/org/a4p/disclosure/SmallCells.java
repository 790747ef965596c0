package org.a4p.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.a4p.disclosure.CellTables.Key;
import org.a4p.disclosure.CellTables.Table;
import org.a4p.indicators.IndicatorValue;
import org.a4p.indicators.formula.AggregateFunction;
import org.a4p.indicators.formula.Formula;
import org.a4p.orgunit.OrgUnits;
import org.a4p.pack.Indicator;
import org.a4p.pack.Pack;

/**
 * Small-cell suppression for public outputs. A value resting on fewer records than the pack's
 * {@code small_cell_threshold} (but on some: no records is no data, shown as it is) is suppressed,
 * and so is any value from which it could be recovered by subtraction: in every table of
 * {@link CellTables} where exactly one cell (the total included) is hidden, the next smallest
 * cell is suppressed too, or the total when no other cell has records, until no table has
 * exactly one hidden cell. Records that no cell of a table shows (no code for the field, no site)
 * count as a hidden cell when they are a small number, since the table's total gives them away.
 *
 * <p>What is protected: the records behind each value, which are published beside it and add up
 * like counts in every indicator; with them the value of counts and sums, and the numerator of
 * shares and averages (value times records), which add up the same way. Medians, minimums and
 * maximums cannot be subtracted; their records are protected like any other. The rule (no table
 * with exactly one hidden cell) is the usual heuristic, not a proof against every combination of
 * tables; it is deterministic: the same values give the same suppressions in any order.
 *
 * <p>It must be given complete tables: every value of each indicator, all org units, periods and
 * disaggregations. Two parts protected apart could undo each other.
 */
public final class SmallCells {
    private final int threshold;
    private final OrgUnits orgUnits;
    private final Map<String, Boolean> flows = new HashMap<>();

    public SmallCells(Pack pack) {
        this.threshold = pack.settings().smallCellThreshold();
        this.orgUnits = pack.orgUnits();
        for (Indicator indicator : pack.indicators()) {
            flows.put(indicator.id(), Formula.parse(indicator.formula()).aggregates().stream()
                    .noneMatch(aggregate -> aggregate.function() == AggregateFunction.LAST));
        }
    }

    /** The values as the public may see them, in the order given. */
    public List<PublicValue> protect(List<IndicatorValue> values) {
        Map<String, Map<Key, Long>> recordsByIndicator = new LinkedHashMap<>();
        for (IndicatorValue value : values) {
            recordsByIndicator.computeIfAbsent(value.indicator(), id -> new HashMap<>()).put(key(value), value.records());
        }
        Map<String, Set<Key>> suppressed = new HashMap<>();
        recordsByIndicator.forEach((indicator, records) -> suppressed.put(indicator, suppress(records,
                flows.getOrDefault(indicator, true))));
        List<PublicValue> out = new ArrayList<>(values.size());
        for (IndicatorValue value : values) {
            boolean hidden = suppressed.get(value.indicator()).contains(key(value));
            out.add(hidden ? PublicValue.suppressed(value) : PublicValue.shown(value));
        }
        return out;
    }

    private static Key key(IndicatorValue value) {
        return new Key(value.orgUnit(), value.period(), value.disaggregation());
    }

    private Set<Key> suppress(Map<Key, Long> records, boolean sumsOverTime) {
        Set<Key> hidden = new HashSet<>();
        records.forEach((key, count) -> {
            if (isSmall(count)) {
                hidden.add(key);
            }
        });
        List<Table> tables = CellTables.of(records.keySet(), orgUnits, sumsOverTime);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Table table : tables) {
                changed |= close(table, records, hidden);
            }
        }
        return hidden;
    }

    /** Hides one more cell of a table that has exactly one hidden; true when it did. */
    private boolean close(Table table, Map<Key, Long> records, Set<Key> hidden) {
        long unshown = records.get(table.total());
        int hiddenCells = hidden.contains(table.total()) ? 1 : 0;
        for (Key cell : table.cells()) {
            unshown -= records.get(cell);
            hiddenCells += hidden.contains(cell) ? 1 : 0;
        }
        if (isSmall(unshown)) {
            hiddenCells++;
        }
        if (hiddenCells != 1) {
            return false;
        }
        Optional<Key> next = complement(table, records, hidden);
        next.ifPresent(hidden::add);
        return next.isPresent();
    }

    /** The smallest shown cell with records, else the total, else a shown cell without records. */
    private static Optional<Key> complement(Table table, Map<Key, Long> records, Set<Key> hidden) {
        Comparator<Key> smallest = Comparator.<Key>comparingLong(records::get).thenComparing(Key.ORDER);
        Optional<Key> cell = table.cells().stream().filter(key -> !hidden.contains(key) && records.get(key) > 0).min(smallest);
        if (cell.isPresent()) {
            return cell;
        }
        if (!hidden.contains(table.total())) {
            return Optional.of(table.total());
        }
        return table.cells().stream().filter(key -> !hidden.contains(key)).min(Key.ORDER);
    }

    private boolean isSmall(long records) {
        return records > 0 && records < threshold;
    }
}
