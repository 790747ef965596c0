package org.a4p.narrative;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.a4p.i18n.Language;
import org.a4p.pack.Indicator;

/**
 * Drafts the data sentence of an indicator, in English and in French, from its yearly values: the
 * first year of the window that has a value to the latest, and the shape of the series between
 * them ({@code from 59 in 2017 to 13 in 2020, lower every year}). Values are compared as they are
 * shown (a count whole, a percentage to 0.1), so the sentence never calls two equal-looking numbers
 * different. The analyst keeps or edits the draft.
 */
public final class DataSentence {
    /** The window: the year and the three before it, as the seed's "every year over the past three years". */
    public static final int WINDOW_YEARS = 4;

    /** One indicator's sentences; {@code synthetic} when a value in them rests on synthetic demo records. */
    public record Draft(String indicator, String english, String french, boolean synthetic) {
        public String in(Language language) {
            return language == Language.EN ? english : french;
        }
    }

    private enum Shape { UNCHANGED, HIGHER_EVERY_YEAR, LOWER_EVERY_YEAR, MOSTLY_HIGHER, MOSTLY_LOWER, NO_CLEAR_DIRECTION, ONE_STEP }

    private DataSentence() {}

    /** {@code yearly}: the indicator's values for one org unit by year; a null value counts as none. */
    public static Draft draft(Indicator indicator, Map<Integer, Double> yearly, int year, boolean synthetic) {
        int first = year - WINDOW_YEARS + 1;
        List<Integer> years = new ArrayList<>();
        for (int y = first; y <= year; y++) {
            if (yearly.get(y) != null) {
                years.add(y);
            }
        }
        return new Draft(indicator.id(), indicator.name() + ": " + body(Language.EN, indicator.unit(), yearly, years, first, year) + ".",
                indicator.nameFr() + Language.NO_BREAK_SPACE + ": " + body(Language.FR, indicator.unit(), yearly, years, first, year) + ".",
                synthetic);
    }

    private static String body(Language language, String unit, Map<Integer, Double> yearly, List<Integer> years, int first, int last) {
        boolean en = language == Language.EN;
        if (years.isEmpty()) {
            return en ? "no value from " + first + " to " + last : "aucune valeur de " + first + " à " + last;
        }
        int from = years.get(0);
        int to = years.get(years.size() - 1);
        String start = language.format(yearly.get(from), unit);
        String end = language.format(yearly.get(to), unit);
        if (years.size() == 1) {
            return en ? start + " in " + from + ", the only year with a value from " + first + " to " + last
                    : start + " en " + from + ", seule année renseignée de " + first + " à " + last;
        }
        boolean gaps = to - from + 1 != years.size();
        Shape shape = shape(years.stream().map(y -> Language.rounded(yearly.get(y), unit)).toList());
        if (shape == Shape.UNCHANGED) {
            return en ? start + " every year from " + from + " to " + to + ", unchanged"
                    : start + " chaque année de " + from + " à " + to + ", sans changement";
        }
        String span = en ? "from " + start + " in " + from + " to " + end + " in " + to : "de " + start + " en " + from + " à " + end + " en " + to;
        String each = en ? (gaps ? "in every year with a value" : "every year") : (gaps ? "chaque année renseignée" : "chaque année");
        String words = switch (shape) {
            case HIGHER_EVERY_YEAR -> en ? "higher " + each : "en hausse " + each;
            case LOWER_EVERY_YEAR -> en ? "lower " + each : "en baisse " + each;
            case MOSTLY_HIGHER -> en ? "higher in most years" : "en hausse la plupart des années";
            case MOSTLY_LOWER -> en ? "lower in most years" : "en baisse la plupart des années";
            case NO_CLEAR_DIRECTION -> en ? "with no clear direction" : "sans tendance nette";
            case ONE_STEP, UNCHANGED -> null;
        };
        return words == null ? span : span + ", " + words;
    }

    /**
     * Every step one way: every year; the net change one way and more than half the steps with it:
     * mostly; else no clear direction. One step says no more than its two numbers.
     */
    private static Shape shape(List<BigDecimal> values) {
        int up = 0;
        int down = 0;
        for (int i = 1; i < values.size(); i++) {
            int step = values.get(i).compareTo(values.get(i - 1));
            up += step > 0 ? 1 : 0;
            down += step < 0 ? 1 : 0;
        }
        int steps = values.size() - 1;
        int net = values.get(values.size() - 1).compareTo(values.get(0));
        if (up == 0 && down == 0) {
            return Shape.UNCHANGED;
        }
        if (steps == 1) {
            return Shape.ONE_STEP;
        }
        if (up == steps) {
            return Shape.HIGHER_EVERY_YEAR;
        }
        if (down == steps) {
            return Shape.LOWER_EVERY_YEAR;
        }
        if (net > 0 && up * 2 > steps) {
            return Shape.MOSTLY_HIGHER;
        }
        if (net < 0 && down * 2 > steps) {
            return Shape.MOSTLY_LOWER;
        }
        return Shape.NO_CLEAR_DIRECTION;
    }
}
