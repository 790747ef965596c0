package org.a4p.indicators;

/**
 * One computed value: an indicator for an org unit, period and disaggregation ("" for the total;
 * otherwise {@code field=code}), with the number of records behind it. {@code value} is null
 * when the formula has no answer (a share of nothing).
 */
public record IndicatorValue(
        String indicator,
        String orgUnit,
        String period,
        String disaggregation,
        Double value,
        long records,
        boolean synthetic) {}
