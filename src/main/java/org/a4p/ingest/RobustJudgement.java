package org.a4p.ingest;

import java.util.Arrays;
import java.util.Optional;
import org.a4p.pack.Plausibility;

/**
 * A value against the same group's preceding months: their median is the centre, and 1.4826 times
 * their median absolute deviation the spread (a standard deviation that a few wild months do not
 * move). The spread has a floor, so that a history without variation never turns noise into a
 * finding: for a share, the binomial deviation of a share near the centre over this month's
 * denominator; for a count or a sum, the Poisson deviation sqrt(centre), at least 1. For counts and
 * sums the centre is taken as at least 1 when the factor is measured, so that a group whose median
 * month is 0 is not "infinitely" above it with one record.
 */
record RobustJudgement(double value, double centre, double spread, int months, double base) {
    /** Normal consistency constant: 1.4826 MAD estimates the standard deviation of normal data. */
    private static final double MAD_TO_SD = 1.4826;

    /** The judgement when the value is implausible under the rule, else empty. */
    static Optional<RobustJudgement> of(Plausibility rule, double value, double denominator, double[] history) {
        double centre = median(history);
        double[] deviations = Arrays.stream(history).map(h -> Math.abs(h - centre)).toArray();
        double floor;
        double base;
        if (rule.measure() == Plausibility.Measure.SHARE) {
            // The centre pulled towards one half by one unit each way, so that 0% and 100% still have a spread.
            double near = (centre * denominator + 1) / (denominator + 2);
            floor = Math.sqrt(near * (1 - near) / denominator);
            base = centre;
        } else {
            floor = Math.sqrt(Math.max(Math.abs(centre), 1));
            base = Math.max(centre, 1);
        }
        RobustJudgement judgement = new RobustJudgement(value, centre, Math.max(MAD_TO_SD * median(deviations), floor),
                history.length, base);
        boolean tooManyTimes = value > base * rule.maxFactor() || value < base / rule.maxFactor();
        return tooManyTimes && judgement.spreads() > rule.minSpreads() ? Optional.of(judgement) : Optional.empty();
    }

    boolean above() {
        return value > base;
    }

    /** How many times above or below the centre (infinite against a centre, or a value, of 0). */
    double factor() {
        return above() ? value / base : base / value;
    }

    double spreads() {
        return Math.abs(value - centre) / spread;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
