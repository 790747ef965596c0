package org.a4p.bench;

import java.util.List;

/** Medians and percentiles of measured runs. */
final class Runs {
    private Runs() {}

    /** The middle run (the upper middle of an even count). */
    static double median(List<Double> runs) {
        return runs.stream().sorted().toList().get(runs.size() / 2);
    }

    static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
