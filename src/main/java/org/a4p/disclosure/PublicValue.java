package org.a4p.disclosure;

import org.a4p.indicators.IndicatorValue;

/**
 * A computed value as an output may show it: the keys of {@link IndicatorValue}, and when {@code
 * suppressed} its value and its records are null (the records of a count are the count itself).
 */
public record PublicValue(
        String indicator,
        String orgUnit,
        String period,
        String disaggregation,
        Double value,
        Long records,
        boolean synthetic,
        boolean flagged,
        boolean suppressed) {

    static PublicValue shown(IndicatorValue value) {
        return new PublicValue(value.indicator(), value.orgUnit(), value.period(), value.disaggregation(), value.value(),
                value.records(), value.synthetic(), value.flagged(), false);
    }

    static PublicValue suppressed(IndicatorValue value) {
        return new PublicValue(value.indicator(), value.orgUnit(), value.period(), value.disaggregation(), null, null,
                value.synthetic(), value.flagged(), true);
    }
}
