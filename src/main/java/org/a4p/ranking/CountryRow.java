package org.a4p.ranking;

/**
 * One contributing country in one uniformed category for one month: its women and total
 * personnel, the share of women in percent, the year's target (null when none is set),
 * where the target comes from, the colour, and the country's 1-based rank within the category.
 */
public record CountryRow(
        String country,
        String category,
        long women,
        long total,
        double share,
        Double target,
        String targetSource,
        Colour colour,
        int rank) {}
