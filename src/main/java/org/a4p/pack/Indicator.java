package org.a4p.pack;

import java.util.List;

/**
 * An A4P+ indicator: its definition, its formula and the targets its values are judged against.
 * {@code origin} is the pack file and line that define it, for messages. {@code baselineYear}: the
 * year its trend is measured from when the indicator names its own, else null (the pack's).
 */
public record Indicator(
        String id,
        String name,
        String nameFr,
        String definition,
        String unit,
        Direction direction,
        String formula,
        String priority,
        List<String> commitmentAreas,
        String owner,
        List<String> disaggregations,
        boolean headline,
        Benchmark baseline,
        List<Benchmark> targets,
        String source,
        String origin,
        Integer baselineYear) {

    /** The year this indicator's trend is measured from: its own, else the pack's. */
    public int trendBaselineYear(PackSettings settings) {
        return baselineYear != null ? baselineYear : settings.baselineYear();
    }

    /** Which way is better. */
    public enum Direction {
        HIGHER, LOWER
    }

    /** A baseline or target: a value for a year, and where the number comes from. */
    public record Benchmark(int year, double value, String source) {}
}
