package org.a4p.release;

import java.util.Set;
import org.a4p.indicators.Grain;

/**
 * Which values of a release a reader wants. An empty set does not filter; {@code fromYear} and
 * {@code toYear} (inclusive) bound the period's year when not null; {@code changedAfter}, when not
 * null, keeps only the values that a release later than it added or revised.
 */
public record ValueSelection(Set<String> indicators, Set<String> orgUnits, Set<String> disaggregations, Set<Grain> grains,
        Integer fromYear, Integer toYear, Integer changedAfter) {

    public static final ValueSelection ALL = new ValueSelection(Set.of(), Set.of(), Set.of(), Set.of(), null, null, null);

    public ValueSelection {
        indicators = Set.copyOf(indicators);
        orgUnits = Set.copyOf(orgUnits);
        disaggregations = Set.copyOf(disaggregations);
        grains = Set.copyOf(grains);
    }
}
