package org.a4p.indicators;

/**
 * One group of a record type at its finest grain: mission, site, month (or day), and the values of
 * the layout's breakdown fields. Either the plain aggregates' partials ({@code histogram} 0:
 * measure and record count per aggregate, in layout order), or how many records ({@code times})
 * had the value {@code value} for the layout's {@code histogram}-th median.
 */
record PartialRow(String mission, String site, int year, int month, long epochDay, String[] dims, boolean synthetic,
        boolean flagged, boolean provisional, int histogram, double value, long times, double[] measures, long[] counts) {

    /** The first day of its month, or its day when grouped by day: what {@code indicator_partial.period_day} holds. */
    java.time.LocalDate periodDay(boolean byDay) {
        return byDay ? java.time.LocalDate.ofEpochDay(epochDay) : java.time.LocalDate.of(year, month, 1);
    }
}
