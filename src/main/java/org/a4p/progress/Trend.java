package org.a4p.progress;

import java.util.Locale;
import org.a4p.pack.Indicator;

/**
 * How a value has moved since its baseline year, read with the indicator's direction. The rule:
 * the change is (value - baseline) / |baseline|; within the pack's stable band either way it is
 * stable, beyond it improving or worsening as the direction says. From a baseline of 0 any other
 * value is beyond every band. Every indicator has a direction (the pack refuses one that is
 * neither higher nor lower), so no trend is "not applicable".
 */
public enum Trend {
    IMPROVING("improving"),
    STABLE("stable"),
    WORSENING("worsening"),
    /** The year is the baseline year or before it, or the baseline year has no value. */
    NO_BASELINE("no baseline"),
    /** The year itself has no value. */
    NO_DATA("no data");

    private final String label;

    Trend(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The JSON spelling: improving, stable, worsening, no_baseline, no_data. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code baseline} and {@code value} null when their year has none; {@code stableBand} a fraction, 0.05 for 5%. */
    public static Trend of(Indicator.Direction direction, int baselineYear, Double baseline, int year, Double value, double stableBand) {
        if (value == null) {
            return NO_DATA;
        }
        if (year <= baselineYear || baseline == null) {
            return NO_BASELINE;
        }
        double change = value - baseline;
        if (baseline == 0 ? change == 0 : Math.abs(change) <= Math.abs(baseline) * stableBand) {
            return STABLE;
        }
        boolean better = direction == Indicator.Direction.HIGHER ? change > 0 : change < 0;
        return better ? IMPROVING : WORSENING;
    }
}
