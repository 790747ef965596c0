package org.a4p.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.a4p.app.Json;
import org.a4p.disclosure.PublicValue;
import org.a4p.i18n.Messages;
import org.a4p.orgunit.OrgUnit;
import org.a4p.pack.Pack;

/**
 * The data of a page's chart over the years ({@code data-chart}, drawn by {@code a4p.js}): one
 * line per org unit, and the target and baseline as horizontal lines. The same figures are in the
 * table beside each chart, so the chart is never the only way to read them.
 */
public final class Charts {
    /** Years a chart spans, ending with the year shown. */
    static final int YEARS = 10;
    /** Missions drawn besides the org unit shown: more lines would not be read. */
    static final int MISSIONS = 5;

    record Series(String name, List<Double> values) {}

    record Spec(List<String> categories, List<Series> series, Double target, Double baseline, Map<String, String> labels) {}

    /** A chart for a page: its data for the script, and the same figures as a table's rows (org unit, then a cell per year). */
    public record Chart(String data, List<String> years, List<TableRow> rows) {}

    public record TableRow(String orgUnit, List<String> cells) {}

    private Charts() {}

    /** The missions drawn beside {@code orgUnit}: a scope's missions; none beside a mission. */
    static List<String> missionsOf(Pack pack, String orgUnit) {
        if (pack.orgUnits().scope(orgUnit).isEmpty()) {
            return List.of();
        }
        return pack.orgUnits().missions().stream().filter(mission -> orgUnit.equals(mission.scope())).map(OrgUnit::code).toList();
    }

    /** Each org unit's yearly totals of one indicator, from its values (the total rows only). */
    static Map<String, Map<Integer, Double>> byOrgUnit(List<PublicValue> values) {
        Map<String, Map<Integer, Double>> series = new TreeMap<>();
        for (PublicValue value : values) {
            if (value.disaggregation().isEmpty() && value.period().length() == 4 && value.value() != null) {
                series.computeIfAbsent(value.orgUnit(), unit -> new TreeMap<>()).put(Integer.parseInt(value.period()), value.value());
            }
        }
        return series;
    }

    /**
     * The chart of {@code orgUnit} and, when {@code missions} are given, of the {@value #MISSIONS}
     * of them with the highest value in {@code year}; years {@code year - 9} to {@code year}.
     */
    static Chart yearly(Map<String, Map<Integer, Double>> byOrgUnit, String orgUnit, List<String> missions, int year, Double target,
            Double baseline, String unit, Messages words) {
        List<String> categories = new ArrayList<>();
        for (int y = year - YEARS + 1; y <= year; y++) {
            categories.add(Integer.toString(y));
        }
        List<String> shown = new ArrayList<>();
        shown.add(orgUnit);
        missions.stream().filter(byOrgUnit::containsKey).filter(mission -> !mission.equals(orgUnit))
                .filter(mission -> byOrgUnit.get(mission).get(year) != null)
                .sorted(Comparator.comparing((String mission) -> byOrgUnit.get(mission).get(year)).reversed())
                .limit(MISSIONS).forEach(shown::add);
        List<Series> series = new ArrayList<>();
        List<TableRow> rows = new ArrayList<>();
        for (String unitCode : shown) {
            Map<Integer, Double> points = byOrgUnit.getOrDefault(unitCode, Map.of());
            List<Double> values = new ArrayList<>();
            List<String> cells = new ArrayList<>();
            for (int y = year - YEARS + 1; y <= year; y++) {
                values.add(points.get(y));
                cells.add(words.number(points.get(y), unit));
            }
            series.add(new Series(unitCode, values));
            rows.add(new TableRow(unitCode, cells));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("target", target == null ? "" : words.get("chart.target", words.number(target, unit)));
        labels.put("baseline", baseline == null ? "" : words.get("chart.baseline", words.number(baseline, unit)));
        return new Chart(Json.write(new Spec(categories, series, target, baseline, labels)), categories, rows);
    }
}
