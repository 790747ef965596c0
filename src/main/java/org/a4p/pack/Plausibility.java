package org.a4p.pack;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A plausibility rule: a measure of the records of a group and month (their count, the sum of
 * {@code numerator}, or the share {@code numerator / sum(denominator)}), over the records that
 * pass {@code where} (field to allowed codes), is compared with the same group's values in the
 * {@code historyMonths} preceding months. A value more than {@code maxFactor} times above or below
 * their median and more than {@code minSpreads} robust spreads from it is implausible. Each of
 * {@code levels} is one grouping: field names, or {@link #SCOPE} for the scope of the record's
 * mission; the record's month is always part of the group. The rule judges a group and month only
 * when at least {@code minHistory} preceding months have a value.
 */
public record Plausibility(
        String id,
        String description,
        Measure measure,
        String numerator,
        List<String> denominator,
        Map<String, Set<String>> where,
        List<List<String>> levels,
        int historyMonths,
        int minHistory,
        double maxFactor,
        double minSpreads) {

    /** The level token that stands for the scope (org unit tree) of the record's mission. */
    public static final String SCOPE = "scope";

    public enum Measure {
        COUNT, SUM, SHARE
    }
}
