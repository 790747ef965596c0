package org.a4p.indicators;

import java.time.LocalDate;

/** Period labels: {@code 2020} (year), {@code 2020-Q3} (quarter), {@code 2020-07} (month). */
public final class Period {
    private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("\\d{4}");
    private static final java.util.regex.Pattern QUARTER = java.util.regex.Pattern.compile("\\d{4}-Q[1-4]");
    private static final java.util.regex.Pattern MONTH = java.util.regex.Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private Period() {}

    public static String year(int year) {
        return Integer.toString(year);
    }

    public static String quarter(int year, int month) {
        return year + "-Q" + ((month - 1) / 3 + 1);
    }

    public static String month(int year, int month) {
        return year + (month < 10 ? "-0" : "-") + month;
    }

    /** The grain of a label: Y, Q or M; null when the label is not a period. */
    public static Character grainOf(String label) {
        if (YEAR.matcher(label).matches()) {
            return 'Y';
        }
        if (QUARTER.matcher(label).matches()) {
            return 'Q';
        }
        if (MONTH.matcher(label).matches()) {
            return 'M';
        }
        return null;
    }

    public static int yearOf(String label) {
        return Integer.parseInt(label.substring(0, 4));
    }

    /** The last day of the period a label names. */
    public static LocalDate endOf(String label) {
        int year = yearOf(label);
        return switch (grainOf(label)) {
            case 'Y' -> LocalDate.of(year, 12, 31);
            case 'Q' -> LocalDate.of(year, (label.charAt(6) - '0') * 3, 1).plusMonths(1).minusDays(1);
            default -> LocalDate.of(year, Integer.parseInt(label.substring(5)), 1).plusMonths(1).minusDays(1);
        };
    }
}
