package org.a4p.indicators;

import java.time.LocalDate;

/** Period labels: {@code 2020} (year), {@code 2020-Q3} (quarter), {@code 2020-07} (month). */
public final class Period {
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

    public static int yearOf(String label) {
        return Integer.parseInt(label.substring(0, 4));
    }

    /** The last day of the period a label names. */
    public static LocalDate endOf(String label) {
        int year = yearOf(label);
        return switch (Grain.of(label)) {
            case YEAR -> LocalDate.of(year, 12, 31);
            case QUARTER -> LocalDate.of(year, (label.charAt(6) - '0') * 3, 1).plusMonths(1).minusDays(1);
            case MONTH -> LocalDate.of(year, Integer.parseInt(label.substring(5)), 1).plusMonths(1).minusDays(1);
        };
    }
}
