package org.a4p.disclosure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 *       gender=female}, {@code gender=male}); records with no code for the field are in no cell.
 *   <li>Along the org-unit tree: a scope and its missions, a mission and its sites (records with
 *       no site are in no site), for each period and disaggregation.
 *   <li>Along time, for flows only: a year and its quarters, a quarter and its months. A stock
 *       ({@code last()}) of a year is its last month's, not a sum.
 * </ul>
 */
final class CellTables {

    record Key(String orgUnit, String period, String disaggregation) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::orgUnit).thenComparing(Key::period)
                .thenComparing(Key::disaggregation);
    }

    /** {@code dimension} names what the cells split: {@code gender}, {@code org unit} or {@code period}. */
    record Table(Key total, String dimension, List<Key> cells) {}

    private CellTables() {}

    /** Every table the keys form, in a fixed order whatever the order of the keys. */
    static List<Table> of(Collection<Key> keys, OrgUnits orgUnits, boolean sumsOverTime) {
        Set<Key> present = Set.copyOf(keys);
        Map<Key, Map<String, List<Key>>> cellsByTotal = new TreeMap<>(Key.ORDER);
        for (Key key : keys) {
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
        cellsByTotal.forEach((total, byDimension) -> {
            if (present.contains(total)) {
                byDimension.forEach((dimension, cells) -> out.add(new Table(total, dimension,
                        cells.stream().sorted(Key.ORDER).toList())));
            }
        });
        return out;
    }

    private static void add(Map<Key, Map<String, List<Key>>> cellsByTotal, Key total, String dimension, Key cell) {
        cellsByTotal.computeIfAbsent(total, k -> new TreeMap<>()).computeIfAbsent(dimension, d -> new ArrayList<>()).add(cell);
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
