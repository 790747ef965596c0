package org.a4p.pack;

import java.util.List;

/**
 * Pack-wide settings. {@code smallCellThreshold}: public outputs suppress counts below it.
 * {@code atRiskMargin}: a value short of its target by at most this fraction of the target is
 * "at risk" rather than "off track". {@code minIndicatorsPerPriority}: {@code pack check} wants
 * each priority measured by at least this many indicators. {@code owners}: who may own an
 * indicator (empty: anyone). {@code baselineYear}: the year each indicator's trend is measured
 * from, unless the indicator names its own. {@code stableBand}: a value whose change from the
 * baseline year's is at most this fraction of it is "stable".
 */
public record PackSettings(int smallCellThreshold, double atRiskMargin, int minIndicatorsPerPriority, List<String> owners,
        int baselineYear, double stableBand) {
    /** A4P was launched in 2018. */
    public static final int DEFAULT_BASELINE_YEAR = 2018;
    public static final double DEFAULT_STABLE_BAND = 0.05;
}
