package org.a4p.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * <p>What adds up, and so what is protected: the records behind each value, published beside it,
 * add up in every indicator (a total's records are its cells' and those no cell shows), so every
 * indicator gets the tables; along time only flows do (formulas without {@code last()}). In value,
 * count and sum formulas add up like their records; the numerator of a share or an average
 * (value times records) does too, and is protected with the records; medians, minimums and
 * maximums do not, but their records are protected like any other. A suppressed value hides its
 * records too. The rule (no table with exactly one hidden cell) is the usual heuristic, not a
 * proof against every combination of tables; it is deterministic: the same values give the same
 * suppressions in any order.
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

    private Set<Key> suppress(Map<Key, Long> recordsByKey, boolean sumsOverTime) {
        // Cells by index, in key order, so that ties go the same way whatever the order of the values.
        List<Key> keys = recordsByKey.keySet().stream().sorted().toList();
        Map<Key, Integer> index = new HashMap<>();
        long[] records = new long[keys.size()];
        boolean[] hidden = new boolean[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            index.put(keys.get(i), i);
            records[i] = recordsByKey.get(keys.get(i));
            hidden[i] = isSmall(records[i]);
        }
        List<int[]> tables = new ArrayList<>();
        for (Table table : CellTables.of(keys, orgUnits, sumsOverTime)) {
            int[] members = new int[table.cells().size() + 1];
            members[0] = index.get(table.total());
            for (int i = 0; i < table.cells().size(); i++) {
                members[i + 1] = index.get(table.cells().get(i));
            }
            tables.add(members);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[] table : tables) {
                changed |= close(table, records, hidden);
            }
        }
        Set<Key> out = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            if (hidden[i]) {
                out.add(keys.get(i));
            }
        }
        return out;
    }

    /** Hides one more cell of a table (its total first, then its cells) that has exactly one hidden; true when it did. */
    private boolean close(int[] table, long[] records, boolean[] hidden) {
        long unshown = records[table[0]];
        int hiddenCells = hidden[table[0]] ? 1 : 0;
        for (int i = 1; i < table.length; i++) {
            unshown -= records[table[i]];
            hiddenCells += hidden[table[i]] ? 1 : 0;
        }
        if (isSmall(unshown)) {
            hiddenCells++;
        }
        if (hiddenCells != 1) {
            return false;
        }
        int next = complement(table, records, hidden);
        if (next >= 0) {
            hidden[next] = true;
        }
        return next >= 0;
    }

    /**
     * The smallest shown cell with records (the first in key order among equals), else the total,
     * else the first shown cell without records; -1 when every member is hidden.
     */
    private static int complement(int[] table, long[] records, boolean[] hidden) {
        int smallest = -1;
        for (int i = 1; i < table.length; i++) {
            int cell = table[i];
            if (!hidden[cell] && records[cell] > 0 && (smallest < 0 || records[cell] < records[smallest])) {
                smallest = cell;
            }
        }
        if (smallest >= 0) {
            return smallest;
        }
        if (!hidden[table[0]]) {
            return table[0];
        }
        for (int i = 1; i < table.length; i++) {
            if (!hidden[table[i]]) {
                return table[i];
            }
        }
        return -1;
    }

    private boolean isSmall(long records) {
        return records > 0 && records < threshold;
    }
}
