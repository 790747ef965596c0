package org.a4p.pack;

import java.util.List;

/**
 * A plausibility rule: a record's ratio {@code numerator / sum(denominator)} (or the numerator
 * alone when there is no denominator) is compared with the median of the same group's earlier
 * records; more than {@code maxFactor} times above or below it is implausible. The rule needs at
 * least {@code minHistory} earlier records with a positive median to judge.
 */
public record Plausibility(
        String id,
        String description,
        String numerator,
        List<String> denominator,
        List<String> group,
        double maxFactor,
        int minHistory) {}
