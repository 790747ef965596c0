package org.a4p.sdmx;

import java.util.List;
import org.a4p.indicators.Grain;
import org.a4p.release.ReleasedValue;

/**
 * One time series of a data message: our indicator, org unit, disaggregation and grain, its unit,
 * and its observations oldest first, each with its SDMX observation status. A deleted series lists
 * the observations withdrawn since {@code updatedAfter} (their values are empty).
 */
record Series(String indicator, String orgUnit, String disaggregation, Grain grain, String unit, List<Observation> observations) {
    record Observation(ReleasedValue value, String status) {}

    static String frequency(Grain grain) {
        return switch (grain) {
            case YEAR -> "A";
            case QUARTER -> "Q";
            case MONTH -> "M";
        };
    }
}
