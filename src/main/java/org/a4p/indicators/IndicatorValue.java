package org.a4p.indicators;

/**
 * One computed value: an indicator for an org unit, period and disaggregation ("" for the total;
 * otherwise {@code field=code}), with the number of records behind it. {@code value} is null
 * when the formula has no answer (a share of nothing). {@code synthetic}: a record behind it is
 * synthetic demo data; {@code flagged}: a record behind it was accepted despite a plausibility rule;
 * {@code provisional}: a record behind it is from a submission not yet approved.
 */
public record IndicatorValue(
        String indicator,
        String orgUnit,
        String period,
        String disaggregation,
        Double value,
        long records,
        boolean synthetic,
        boolean flagged,
        boolean provisional) {

    public IndicatorValue(String indicator, String orgUnit, String period, String disaggregation, Double value, long records,
            boolean synthetic, boolean flagged) {
        this(indicator, orgUnit, period, disaggregation, value, records, synthetic, flagged, false);
    }
}
