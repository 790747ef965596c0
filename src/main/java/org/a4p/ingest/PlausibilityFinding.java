package org.a4p.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.a4p.pack.Plausibility;

/** A group and month that a plausibility rule found implausible, with what it was compared with. */
record PlausibilityFinding(PlausibilityLevel level, String group, int month, String description, MonthTally tally,
        RobustJudgement judgement, int leftOut) {
    /** The first word of every finding's text. */
    static final String IMPLAUSIBLE = "implausible";

    String key() {
        return PlausibilityLevel.key(group, month);
    }

    /**
     * Reads like {@code implausible (rule women_share_troops): scope PKO, month 2020-08: women /
     * (women + men) is 57.1% (39,262 of 68,725); the 9 preceding months with a value: median 4.7%,
     * spread 0.08 points; 57.1% is 12.1 times the median and 646 spreads from it; rows 2, 3, …}.
     */
    String text() {
        Plausibility rule = level.rule();
        String value = shown(judgement.value());
        String measure = switch (rule.measure()) {
            case COUNT -> "the count of " + level.typeId() + " records is " + value;
            case SUM -> "the sum of " + rule.numerator() + " is " + value;
            case SHARE -> rule.numerator() + " / (" + String.join(" + ", rule.denominator()) + ") is " + value + " ("
                    + number(tally.numerator) + " of " + number(tally.denominator) + ")";
        };
        List<String> notes = new ArrayList<>();
        if (rule.measure() == Plausibility.Measure.COUNT) {
            notes.add("a month without records counts 0");
        }
        if (leftOut > 0) {
            notes.add(leftOut + (leftOut == 1 ? " month" : " months") + " found implausible passed over");
        }
        String months = "the " + judgement.months() + " preceding months" + (rule.measure() == Plausibility.Measure.COUNT ? "" : " with a value")
                + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")");
        String spread = rule.measure() == Plausibility.Measure.SHARE
                ? String.format(Locale.ROOT, "%.2f points", 100 * judgement.spread()) : number(judgement.spread());
        String far = Double.isInfinite(judgement.factor())
                ? value + " against a median of " + shown(judgement.centre())
                : value + " is " + number(judgement.factor()) + " times " + (judgement.above() ? "" : "below ") + "the median";
        return IMPLAUSIBLE + " (rule " + rule.id() + "): " + description + ": " + measure + "; " + months + ": median "
                + shown(judgement.centre()) + ", spread " + spread + "; " + far + " and " + number(judgement.spreads())
                + " spreads from it; " + tally.rows.describe();
    }

    private String shown(double value) {
        return level.rule().measure() == Plausibility.Measure.SHARE ? String.format(Locale.ROOT, "%.1f%%", 100 * value) : number(value);
    }

    /** Whole numbers with grouped digits, others with one decimal. */
    private static String number(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return rounded == Math.rint(rounded) ? String.format(Locale.ROOT, "%,d", (long) rounded)
                : String.format(Locale.ROOT, "%,.1f", rounded);
    }
}
