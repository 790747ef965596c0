package org.a4p.indicators;

import java.util.regex.Pattern;

/** The length of a period: a year (2020), a quarter (2020-Q3) or a month (2020-07). */
public enum Grain {
    YEAR('Y', Pattern.compile("\\d{4}")),
    QUARTER('Q', Pattern.compile("\\d{4}-Q[1-4]")),
    MONTH('M', Pattern.compile("\\d{4}-(0[1-9]|1[0-2])"));

    private final char code;
    private final Pattern label;

    Grain(char code, Pattern label) {
        this.code = code;
        this.label = label;
    }

    /** The letter stored in the value table's grain column. */
    public char code() {
        return code;
    }

    /** The grain of a period label, or null when the label is not a period. */
    public static Grain of(String label) {
        for (Grain grain : values()) {
            if (grain.label.matcher(label).matches()) {
                return grain;
            }
        }
        return null;
    }
}
