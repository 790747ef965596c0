package org.a4p.indicators.formula;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The functions that turn a set of records into one number. */
public enum AggregateFunction {
    COUNT, SUM, AVG, MIN, MAX, MEDIAN, LAST;

    /** The spelling used in formulas, such as {@code count}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The function spelled {@code word}, ignoring case. */
    public static Optional<AggregateFunction> of(String word) {
        return Arrays.stream(values()).filter(f -> f.word().equalsIgnoreCase(word)).findFirst();
    }

    /** "count, sum, avg, ..." for error messages. */
    static String allWords() {
        return String.join(", ", Arrays.stream(values()).map(AggregateFunction::word).toList());
    }
}
