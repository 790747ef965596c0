package org.a4p.pages;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.a4p.app.Json;
import org.a4p.disclosure.PublicValue;
import org.a4p.disclosure.ReadScorecard;
import org.a4p.i18n.Language;
import org.a4p.i18n.Messages;
import org.a4p.pack.Indicator;
import org.a4p.pack.Pack;
import org.a4p.pack.Priority;

/** Figures as a page shows them: in the viewer's language, every status in words as well as in colour. */
public final class Shown {
    /** One indicator's line of a scorecard, every field ready to print. */
    public record Line(String id, String name, String value, String target, String status, String statusLabel, String trend,
            String trendLabel, String baseline, String spark, boolean synthetic, boolean flagged, boolean suppressed) {}

    private Shown() {}

    public static String indicatorName(Indicator indicator, Language language) {
        return language == Language.FR && indicator.nameFr() != null ? indicator.nameFr() : indicator.name();
    }

    public static String priorityName(Priority priority, Language language) {
        return language == Language.FR && priority.nameFr() != null ? priority.nameFr() : priority.name();
    }

    /** Years a sparkline spans, ending with the year shown: long enough for a trend, short enough to read. */
    static final int SPARK_YEARS = 10;

    /** {@code yearly}: the indicator's yearly totals for the sparkline (null: none); {@code year} the year shown. */
    public static Line line(Pack pack, Messages words, ReadScorecard.Row row, Map<Integer, Double> yearly, int year) {
        Indicator indicator = pack.indicator(row.id()).orElseThrow();
        String status = row.suppressed() ? "suppressed" : row.status() == null ? "no_data" : row.status().code();
        String trend = row.suppressed() ? "suppressed" : row.trend() == null ? "no_baseline" : row.trend().code();
        String baseline = row.baselineValue() == null ? words.get("figure.no_baseline", row.baselineYear())
                : words.get("figure.baseline", words.number(row.baselineValue(), row.unit()), row.baselineYear());
        return new Line(row.id(), indicatorName(indicator, words.language()),
                row.suppressed() ? words.get("figure.suppressed") : words.number(row.value(), row.unit()),
                row.target() == null ? words.get("figure.no_target") : words.number(row.target(), row.unit()),
                status, words.get("status." + status), trend, words.get("trend." + trend), baseline,
                spark(yearly, year), row.synthetic(), row.flagged(), row.suppressed());
    }

    /** The yearly totals of each indicator in {@code values} (its total rows, by year). */
    public static Map<String, Map<Integer, Double>> yearly(List<PublicValue> values) {
        Map<String, Map<Integer, Double>> byIndicator = new TreeMap<>();
        for (PublicValue value : values) {
            if (value.disaggregation().isEmpty() && value.period().length() == 4 && value.value() != null) {
                byIndicator.computeIfAbsent(value.indicator(), id -> new TreeMap<>()).put(Integer.parseInt(value.period()), value.value());
            }
        }
        return byIndicator;
    }

    private static String spark(Map<Integer, Double> yearly, int year) {
        if (yearly == null) {
            return null;
        }
        List<List<Number>> points = yearly.entrySet().stream().filter(entry -> entry.getKey() > year - SPARK_YEARS && entry.getKey() <= year)
                .map(entry -> List.<Number>of(entry.getKey(), entry.getValue())).toList();
        return points.size() < 2 ? null : Json.write(points);
    }
}
