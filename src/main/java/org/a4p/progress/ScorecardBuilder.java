package org.a4p.progress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.a4p.indicators.IndicatorValue;
import org.a4p.pack.Indicator;
import org.a4p.pack.Pack;
import org.a4p.pack.Priority;

/** Builds a scorecard from stored yearly values. */
public final class ScorecardBuilder {
    private final Pack pack;

    public ScorecardBuilder(Pack pack) {
        this.pack = pack;
    }

    /** The indicators a scorecard shows for a priority: its headline ones, or all when none is marked. */
    public List<Indicator> shownFor(Priority priority) {
        List<Indicator> all = pack.indicators().stream().filter(i -> i.priority().equals(priority.id())).toList();
        List<Indicator> headline = all.stream().filter(Indicator::headline).toList();
        return headline.isEmpty() ? all : headline;
    }

    /**
     * The year a scorecard shows by default: the one in which the most shown indicators have a
     * value, the latest of those on a tie (so a year with one early monthly report does not win).
     */
    public int defaultYear(List<IndicatorValue> yearlyTotals) {
        Map<String, Integer> shownCount = new HashMap<>();
        for (Priority priority : pack.priorities()) {
            for (Indicator indicator : shownFor(priority)) {
                shownCount.put(indicator.id(), 1);
            }
        }
        Map<Integer, Integer> perYear = new HashMap<>();
        for (IndicatorValue value : yearlyTotals) {
            if (value.value() != null && shownCount.containsKey(value.indicator())) {
                perYear.merge(Integer.parseInt(value.period()), 1, Integer::sum);
            }
        }
        return perYear.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse(java.time.Year.now().getValue() - 1);
    }

    /**
     * The commitment-area view: for each of the eight A4P commitment areas, every indicator that
     * moves it (the seed chose its priorities for the areas they move), with its status.
     */
    public Scorecard byCommitmentArea(String orgUnit, int year, List<IndicatorValue> yearlyTotals) {
        Scorecard byPriority = buildRows(orgUnit, year, yearlyTotals, true);
        Map<String, Scorecard.IndicatorRow> rows = new HashMap<>();
        byPriority.priorities().forEach(p -> p.indicators().forEach(i -> rows.put(i.id(), i)));
        List<Scorecard.PriorityRow> areas = new ArrayList<>();
        for (var area : pack.commitmentAreas()) {
            List<Scorecard.IndicatorRow> indicators = pack.indicators().stream()
                    .filter(i -> i.commitmentAreas().contains(area.id()))
                    .map(i -> rows.get(i.id()))
                    .toList();
            areas.add(new Scorecard.PriorityRow(area.id(), area.name(), indicators));
        }
        return new Scorecard(byPriority.orgUnit(), byPriority.orgUnitName(), year, byPriority.synthetic(), areas);
    }

    public Scorecard build(String orgUnit, int year, List<IndicatorValue> yearlyTotals) {
        return buildRows(orgUnit, year, yearlyTotals, false);
    }

    /** Every indicator of every priority, headline or not: a priority's own page. */
    public Scorecard everyIndicator(String orgUnit, int year, List<IndicatorValue> yearlyTotals) {
        return buildRows(orgUnit, year, yearlyTotals, true);
    }

    private Scorecard buildRows(String orgUnit, int year, List<IndicatorValue> yearlyTotals, boolean everyIndicator) {
        Map<String, IndicatorValue> byIndicator = new HashMap<>();
        Map<String, IndicatorValue> byIndicatorAndYear = new HashMap<>();
        for (IndicatorValue value : yearlyTotals) {
            if (value.orgUnit().equals(orgUnit) && value.disaggregation().isEmpty()) {
                byIndicatorAndYear.put(value.indicator() + " " + value.period(), value);
                if (value.period().equals(Integer.toString(year))) {
                    byIndicator.put(value.indicator(), value);
                }
            }
        }
        List<Scorecard.PriorityRow> rows = new ArrayList<>();
        boolean anySynthetic = false;
        for (Priority priority : pack.priorities()) {
            List<Scorecard.IndicatorRow> indicators = new ArrayList<>();
            List<Indicator> shown = everyIndicator
                    ? pack.indicators().stream().filter(i -> i.priority().equals(priority.id())).toList() : shownFor(priority);
            for (Indicator indicator : shown) {
                IndicatorValue value = byIndicator.get(indicator.id());
                Double amount = value == null ? null : value.value();
                boolean synthetic = value != null && value.synthetic();
                anySynthetic |= synthetic;
                int baselineYear = indicator.trendBaselineYear(pack.settings());
                IndicatorValue baseline = baselineYear < year ? byIndicatorAndYear.get(indicator.id() + " " + baselineYear) : null;
                Double baselineAmount = baseline == null ? null : baseline.value();
                indicators.add(new Scorecard.IndicatorRow(indicator.id(), indicator.name(), amount, indicator.unit(),
                        Targets.targetFor(indicator, year).orElse(null),
                        Targets.status(indicator, year, amount, pack.settings().atRiskMargin()),
                        Trend.of(indicator.direction(), baselineYear, baselineAmount, year, amount, pack.settings().stableBand()),
                        baselineYear, baselineAmount,
                        value == null ? 0 : value.records(), synthetic, value != null && value.flagged()));
            }
            rows.add(new Scorecard.PriorityRow(priority.id(), priority.name(), indicators));
        }
        String name = pack.orgUnits().find(orgUnit).map(u -> u.name()).orElse(orgUnit);
        return new Scorecard(orgUnit, name, year, anySynthetic, rows);
    }
}
