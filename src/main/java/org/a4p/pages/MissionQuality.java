package org.a4p.pages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.a4p.disclosure.PublicValue;
import org.a4p.i18n.Messages;
import org.a4p.pack.Indicator;
import org.a4p.pack.Pack;

/**
 * A mission's reporting completeness and data quality: every indicator of the pack's data
 * priority ({@value #PRIORITY}) for the year shown and the three before it, and its headline
 * ones month by month through the year. Suppressed values say so; a value never computed is a dash.
 */
public final class MissionQuality {
    static final String PRIORITY = "DATA";
    static final int YEARS = 4;

    /** One indicator's figures, one per column, ready to print. */
    public record Row(String id, String name, String unit, List<String> figures) {}

    /** {@code years} and {@code months} head the columns of {@code yearly} and {@code monthly}. */
    public record Quality(List<Integer> years, List<Row> yearly, List<String> months, List<Row> monthly) {}

    private MissionQuality() {}

    static List<Indicator> indicators(Pack pack) {
        return pack.indicators().stream().filter(indicator -> PRIORITY.equals(indicator.priority())).toList();
    }

    static List<Indicator> headlines(Pack pack) {
        return indicators(pack).stream().filter(Indicator::headline).toList();
    }

    /** {@code yearlyValues}: the mission's yearly totals; {@code monthlyValues}: the headline indicators' monthly totals. */
    static Quality of(Pack pack, Messages words, int year, List<PublicValue> yearlyValues, List<PublicValue> monthlyValues) {
        List<Integer> years = new ArrayList<>();
        for (int y = year - YEARS + 1; y <= year; y++) {
            years.add(y);
        }
        List<String> months = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            months.add(String.format("%d-%02d", year, month));
        }
        Map<String, PublicValue> yearly = byKey(yearlyValues);
        Map<String, PublicValue> monthly = byKey(monthlyValues);
        List<Row> yearlyRows = indicators(pack).stream().map(indicator -> row(words, indicator,
                years.stream().map(String::valueOf).toList(), yearly)).toList();
        // A month of a mission is often a small cell for the public: a row with nothing to show is left out.
        List<Row> monthlyRows = headlines(pack).stream().map(indicator -> row(words, indicator, months, monthly))
                .filter(row -> row.figures().stream().anyMatch(figure -> !figure.equals("—") && !figure.equals(words.get("status.suppressed"))))
                .toList();
        List<String> monthNames = months.stream().map(month -> words.get("mission.month." + month.substring(5))).toList();
        return new Quality(years, yearlyRows, monthNames, monthlyRows);
    }

    private static Row row(Messages words, Indicator indicator, List<String> periods, Map<String, PublicValue> values) {
        List<String> figures = periods.stream().map(period -> {
            PublicValue value = values.get(indicator.id() + " " + period);
            if (value == null) {
                return "—";
            }
            return value.suppressed() ? words.get("status.suppressed") : words.number(value.value(), indicator.unit());
        }).toList();
        return new Row(indicator.id(), Shown.indicatorName(indicator, words.language()), indicator.unit(), figures);
    }

    private static Map<String, PublicValue> byKey(List<PublicValue> values) {
        Map<String, PublicValue> out = new HashMap<>();
        for (PublicValue value : values) {
            if (value.disaggregation().isEmpty()) {
                out.putIfAbsent(value.indicator() + " " + value.period(), value);
            }
        }
        return out;
    }
}
