package org.a4p.progress;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.a4p.pack.Indicator;

/**
 * Judges values against an indicator's targets. The target for a year is the one set for that
 * year; between two set years (or the baseline and a target) it is interpolated linearly, as the
 * Uniformed Gender Parity Strategy sets its yearly steps; before the first target it is the first
 * target, after the last it is the last.
 */
public final class Targets {
    private Targets() {}

    public static Optional<Double> targetFor(Indicator indicator, int year) {
        List<Indicator.Benchmark> targets = indicator.targets().stream()
                .sorted(Comparator.comparingInt(Indicator.Benchmark::year)).toList();
        if (targets.isEmpty()) {
            return Optional.empty();
        }
        Indicator.Benchmark before = indicator.baseline() != null && indicator.baseline().year() < targets.get(0).year()
                ? indicator.baseline() : null;
        for (Indicator.Benchmark target : targets) {
            if (target.year() == year) {
                return Optional.of(target.value());
            }
            if (target.year() > year) {
                if (before == null || before.year() > year) {
                    return Optional.of(target.value());
                }
                double share = (double) (year - before.year()) / (target.year() - before.year());
                return Optional.of(before.value() + share * (target.value() - before.value()));
            }
            before = target;
        }
        return Optional.of(targets.get(targets.size() - 1).value());
    }

    /** On track when the target is met; at risk when short by at most {@code margin} of the target. */
    public static Status status(Indicator indicator, int year, Double value, double margin) {
        if (value == null) {
            return Status.NO_DATA;
        }
        Optional<Double> target = targetFor(indicator, year);
        if (target.isEmpty()) {
            return Status.NO_TARGET;
        }
        double goal = target.get();
        double tolerance = Math.abs(goal) * margin;
        boolean higher = indicator.direction() == Indicator.Direction.HIGHER;
        double shortfall = higher ? goal - value : value - goal;
        if (shortfall <= 0) {
            return Status.ON_TRACK;
        }
        return shortfall <= tolerance ? Status.AT_RISK : Status.OFF_TRACK;
    }
}
