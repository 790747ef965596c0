package org.a4p.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.a4p.indicators.Grain;
import org.a4p.indicators.Period;
import org.a4p.orgunit.OrgUnit;
import org.a4p.orgunit.OrgUnits;

/**
 * The tables of one indicator's cells: a total and the cells whose records add up to it, so that
 * any one of them could be recovered from the others by subtraction.
 *
 * <ul>
 *   <li>By disaggregation: an org unit's total of a period and its cells of one field ({@code
 *       gender=F}, {@code gender=M}); records with no code for the field are in no cell.
 *   <li>Along the org-unit tree: a scope and its missions, a mission and its sites (records with
 *       no site are in no site), for each period and disaggregation.
 *   <li>Along time, for flows only: a year and its quarters, a quarter and its months. A stock
 *       ({@code last()}) of a year is its last month's, not a sum.
 * </ul>
 */
final class CellTables {

    record Key(String orgUnit, String period, String disaggregation) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byUnit = orgUnit.compareTo(other.orgUnit);
            if (byUnit != 0) {
                return byUnit;
            }
            int byPeriod = period.compareTo(other.period);
            return byPeriod != 0 ? byPeriod : disaggregation.compareTo(other.disaggregation);
        }
    }

    /** {@code dimension} names what the cells split: {@code gender}, {@code org unit} or {@code period}. */
    record Table(Key total, String dimension, List<Key> cells) {}

    private CellTables() {}

    /** Every table the keys form, the keys given in their order; tables in the order of their totals, then of dimensions. */
    static List<Table> of(List<Key> sortedKeys, OrgUnits orgUnits, boolean sumsOverTime) {
        Map<Key, Map<String, List<Key>>> cellsByTotal = new HashMap<>();
        for (Key key : sortedKeys) {
            if (!key.disaggregation().isEmpty()) {
                String field = key.disaggregation().substring(0, key.disaggregation().indexOf('='));
                add(cellsByTotal, new Key(key.orgUnit(), key.period(), ""), field, key);
            }
            String parentUnit = orgUnits.find(key.orgUnit()).filter(unit -> unit.level() != OrgUnit.Level.SCOPE)
                    .map(OrgUnit::parent).orElse(null);
            if (parentUnit != null) {
                add(cellsByTotal, new Key(parentUnit, key.period(), key.disaggregation()), "org unit", key);
            }
            String parentPeriod = sumsOverTime ? parentPeriod(key.period()) : null;
            if (parentPeriod != null) {
                add(cellsByTotal, new Key(key.orgUnit(), parentPeriod, key.disaggregation()), "period", key);
            }
        }
        List<Table> out = new ArrayList<>();
        for (Key total : sortedKeys) {
            Map<String, List<Key>> byDimension = cellsByTotal.getOrDefault(total, Map.of());
            byDimension.keySet().stream().sorted().forEach(dimension -> out.add(new Table(total, dimension, byDimension.get(dimension))));
        }
        return out;
    }

    private static void add(Map<Key, Map<String, List<Key>>> cellsByTotal, Key total, String dimension, Key cell) {
        cellsByTotal.computeIfAbsent(total, k -> new HashMap<>(4)).computeIfAbsent(dimension, d -> new ArrayList<>()).add(cell);
    }

    /** 2020-07 is in 2020-Q3, 2020-Q3 in 2020; a year is in nothing. */
    private static String parentPeriod(String period) {
        Grain grain = Grain.of(period);
        return switch (grain) {
            case MONTH -> Period.quarter(Period.yearOf(period), Integer.parseInt(period.substring(5)));
            case QUARTER -> Period.year(Period.yearOf(period));
            case YEAR -> null;
        };
    }
}
