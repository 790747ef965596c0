package org.a4p.disclosure;

import org.a4p.indicators.IndicatorValue;

/**
 * A computed value as an output may show it: the keys of {@link IndicatorValue}, and when {@code
 * suppressed} its value and its records are null (the records of a count are the count itself).
 * A staff view's value is {@code provisional} when a record behind it awaits approval. A released value says which release first published it and which last revised it (null for a
 * staff view's live value).
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
        boolean suppressed,
        boolean provisional,
        Integer firstRelease,
        Integer lastRevised) {

    public PublicValue(String indicator, String orgUnit, String period, String disaggregation, Double value, Long records,
            boolean synthetic, boolean flagged, boolean suppressed) {
        this(indicator, orgUnit, period, disaggregation, value, records, synthetic, flagged, suppressed, false, null, null);
    }

    public static PublicValue shown(IndicatorValue value) {
        return new PublicValue(value.indicator(), value.orgUnit(), value.period(), value.disaggregation(), value.value(),
                value.records(), value.synthetic(), value.flagged(), false, value.provisional(), null, null);
    }

    static PublicValue suppressed(IndicatorValue value) {
        return new PublicValue(value.indicator(), value.orgUnit(), value.period(), value.disaggregation(), null, null,
                value.synthetic(), value.flagged(), true);
    }
}
