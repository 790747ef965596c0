package org.a4p.indicators;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.a4p.indicators.formula.Aggregate;
import org.a4p.indicators.formula.AggregateFunction;
import org.a4p.orgunit.OrgUnits;

/**
 * Adds partial rows up into the accumulators of the aggregates asked for, at every value key a row
 * feeds: its site, mission and scope, its year, quarter and month, the total and each breakdown.
 * A {@link Scope} limits the keys fed, so a refresh after one mission-month fills only the values
 * that month can change.
 */
final class Rollup {
    /** The value keys a rollup fills: org units and period labels; null sets mean every one. */
    record Scope(Set<String> missions, Set<String> scopes, Set<String> periods) {
        static final Scope ALL = new Scope(null, null, null);

        /** Whether a row of this mission feeds any key in scope. */
        boolean reads(String mission, String scope) {
            return missions == null || missions.contains(mission) || (scope != null && scopes.contains(scope));
        }
    }

    record ValueKey(String orgUnit, String period, String disaggregation) {}

    final Map<Aggregate, Map<ValueKey, Accumulator>> byAggregate = new HashMap<>();
    private final OrgUnits orgUnits;
    private final Scope scope;
    private final String[] labels = new String[3 * 12 * 400];
    /** Sites whose rows fed keys in scope: a refresh must clear their values too. */
    final Set<String> sitesSeen = new java.util.HashSet<>();
    long rows;

    Rollup(OrgUnits orgUnits, Scope scope) {
        this.orgUnits = orgUnits;
        this.scope = scope;
    }

    /** What to feed from rows of one layout: the aggregates wanted, each with the breakdowns wanted of it. */
    static final class Wanted {
        final TypeLayout layout;
        final List<Aggregate> plain = new ArrayList<>();
        final List<Integer> plainIndexes = new ArrayList<>();
        final Map<Integer, Aggregate> medians = new HashMap<>();
        final Map<Aggregate, int[]> breakdowns = new HashMap<>();

        Wanted(TypeLayout layout, Map<Aggregate, Set<String>> wanted) {
            this.layout = layout;
            wanted.forEach((aggregate, fields) -> {
                if (aggregate.function() == AggregateFunction.MEDIAN) {
                    medians.put(layout.histogramOf(aggregate), aggregate);
                } else {
                    plain.add(aggregate);
                    plainIndexes.add(layout.plainIndex(aggregate));
                }
                breakdowns.put(aggregate, fields.stream().mapToInt(layout.groupFields::indexOf).toArray());
            });
        }
    }

    void add(Wanted wanted, PartialRow row) {
        String rowScope = orgUnits.scopeOf(row.mission());
        if (!scope.reads(row.mission(), rowScope)) {
            return;
        }
        rows++;
        if (row.histogram() == 0) {
            for (int a = 0; a < wanted.plain.size(); a++) {
                Aggregate aggregate = wanted.plain.get(a);
                int index = wanted.plainIndexes.get(a);
                double measure = row.measures()[index];
                long count = row.counts()[index];
                boolean last = aggregate.function() == AggregateFunction.LAST;
                Map<ValueKey, Accumulator> accumulators = byAggregate.computeIfAbsent(aggregate, k -> new HashMap<>());
                for (ValueKey key : keys(row, rowScope, wanted.layout, wanted.breakdowns.get(aggregate))) {
                    Accumulator acc = accumulators.computeIfAbsent(key, k -> new Accumulator());
                    if (last) {
                        acc.addLast((int) row.epochDay(), measure, count);
                    } else {
                        acc.add(measure, count);
                    }
                    flags(acc, row);
                }
            }
            return;
        }
        Aggregate median = wanted.medians.get(row.histogram());
        if (median == null) {
            return;
        }
        Map<ValueKey, Accumulator> accumulators = byAggregate.computeIfAbsent(median, k -> new HashMap<>());
        for (ValueKey key : keys(row, rowScope, wanted.layout, wanted.breakdowns.get(median))) {
            Accumulator acc = accumulators.computeIfAbsent(key, k -> new Accumulator());
            acc.addValue(row.value(), row.times());
            flags(acc, row);
        }
    }

    private static void flags(Accumulator acc, PartialRow row) {
        acc.synthetic |= row.synthetic();
        acc.flagged |= row.flagged();
        acc.provisional |= row.provisional();
    }

    private List<ValueKey> keys(PartialRow row, String rowScope, TypeLayout layout, int[] breakdowns) {
        List<String> orgs = new ArrayList<>(3);
        boolean ownUnits = scope.missions == null || scope.missions.contains(row.mission());
        if (ownUnits) {
            if (row.site() != null) {
                orgs.add(row.site());
                sitesSeen.add(row.site());
            }
            orgs.add(row.mission());
        }
        if (rowScope != null && (scope.scopes == null || scope.scopes.contains(rowScope))) {
            orgs.add(rowScope);
        }
        String[] periods = periods(row.year(), row.month());
        List<String> disaggregations = new ArrayList<>(1 + breakdowns.length);
        disaggregations.add("");
        for (int field : breakdowns) {
            String value = row.dims()[field];
            if (value != null) {
                disaggregations.add(layout.groupFields.get(field) + "=" + value);
            }
        }
        List<ValueKey> out = new ArrayList<>(orgs.size() * 3 * disaggregations.size());
        for (String period : periods) {
            if (scope.periods != null && !scope.periods.contains(period)) {
                continue;
            }
            for (String org : orgs) {
                for (String disaggregation : disaggregations) {
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

    /** The org units a scope's values live in: its missions, their sites and the scopes they belong to. */
    static Set<String> orgUnitsOf(Scope scope, OrgUnits orgUnits, Collection<String> sitesSeen) {
        Set<String> out = new java.util.TreeSet<>(scope.missions);
        out.addAll(scope.scopes);
        for (String mission : scope.missions) {
            orgUnits.sitesOf(mission).forEach(site -> out.add(site.code()));
        }
        out.addAll(sitesSeen);
        return out;
    }
}
