package org.a4p.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.a4p.disclosure.Caller;
import org.a4p.disclosure.PublicValue;
import org.a4p.disclosure.ReadValues;
import org.a4p.indicators.QueryValues;
import org.a4p.indicators.formula.Aggregate;
import org.a4p.indicators.formula.AggregateFunction;
import org.a4p.indicators.formula.Formula;
import org.a4p.orgunit.OrgUnit;
import org.a4p.pack.Indicator;
import org.a4p.pack.Pack;
import org.a4p.pack.RecordType;

/**
 * How many records of each record type that carries a site each site of a mission holds in a
 * year, as the viewer may see them. Counted through an indicator that counts every record of the
 * type ({@code count(type)} with no condition, over that type alone): its records at a site are
 * the site's records, so public readers get the latest release's figure with small cells
 * suppressed, staff the submitted one, and no record (nor any field of one) is ever read here.
 * A type without such an indicator has no count to show.
 */
final class SiteRecordCounts {
    /** A record type with a site field and the indicator that counts it (null: none does). */
    record Counter(RecordType type, String indicator) {}

    /** One site's count of one type: {@code records} null when suppressed. */
    record Count(Long records, boolean suppressed) {
        static final Count NONE = new Count(0L, false);
    }

    /** By site code, then record type id; a site or type without a value has none. */
    record Counts(List<Counter> counters, Map<String, Map<String, Count>> bySite) {
        Count of(String site, String type) {
            return bySite.getOrDefault(site, Map.of()).getOrDefault(type, Count.NONE);
        }
    }

    /** The most published counts kept; past it the cache starts again. */
    private static final int KEPT = 256;

    private final ReadValues values;
    private final List<Counter> counters;
    /** Published counts by mission, year and release: a release never changes, so neither do they. */
    private final Map<String, Counts> published = new java.util.concurrent.ConcurrentHashMap<>();

    SiteRecordCounts(Pack pack, ReadValues values) {
        this.values = values;
        this.counters = pack.recordTypes().values().stream()
                .filter(type -> type.siteField() != null && !type.reporting().system())
                .sorted(Comparator.comparing(RecordType::id))
                .map(type -> new Counter(type, countingIndicator(pack, type.id())))
                .toList();
    }

    List<Counter> counters() {
        return counters;
    }

    /**
     * {@code release}: the latest release's number (null before the first), which public counts
     * are kept by. {@code missionValues}: the mission's yearly totals, which tell whether any site can hold a
     * record of a type in the year (the site figures are read only then, one indexed query per site).
     */
    Counts count(Caller caller, List<OrgUnit> sites, int year, List<PublicValue> missionValues, Integer release) {
        if (!caller.isPublic() || release == null) {
            return read(caller, sites, year, missionValues);
        }
        String key = (sites.isEmpty() ? "" : sites.get(0).parent()) + " " + year + " " + release;
        Counts known = published.get(key);
        if (known == null) {
            if (published.size() >= KEPT) {
                published.clear();
            }
            known = read(caller, sites, year, missionValues);
            published.put(key, known);
        }
        return known;
    }

    private Counts read(Caller caller, List<OrgUnit> sites, int year, List<PublicValue> missionValues) {
        String period = Integer.toString(year);
        Map<String, String> typeByIndicator = new HashMap<>();
        for (Counter counter : counters) {
            if (counter.indicator() != null && missionValues.stream().anyMatch(value -> value.indicator().equals(counter.indicator())
                    && value.period().equals(period) && value.disaggregation().isEmpty() && (value.suppressed() || value.value() != null))) {
                typeByIndicator.put(counter.indicator(), counter.type().id());
            }
        }
        Map<String, Map<String, Count>> bySite = new HashMap<>();
        if (typeByIndicator.isEmpty()) {
            return new Counts(counters, bySite);
        }
        for (OrgUnit site : sites) {
            for (PublicValue value : PageFrame.ok(values.run(caller, new QueryValues.Request(null, site.code(), period, null, true)))) {
                String type = typeByIndicator.get(value.indicator());
                if (type != null) {
                    bySite.computeIfAbsent(site.code(), code -> new HashMap<>()).put(type, new Count(value.records(), value.suppressed()));
                }
            }
        }
        return new Counts(counters, bySite);
    }

    /** The first indicator, by id, whose formula reads {@code type} alone and counts all its records. */
    private static String countingIndicator(Pack pack, String type) {
        List<Indicator> candidates = new ArrayList<>(pack.indicators());
        candidates.sort(Comparator.comparing(Indicator::id));
        for (Indicator indicator : candidates) {
            Formula formula = Formula.parse(indicator.formula());
            if (formula.recordTypes().equals(Set.of(type)) && formula.aggregates().stream().anyMatch(SiteRecordCounts::countsAll)) {
                return indicator.id();
            }
        }
        return null;
    }

    private static boolean countsAll(Aggregate aggregate) {
        return aggregate.function() == AggregateFunction.COUNT && aggregate.where() == null;
    }
}
