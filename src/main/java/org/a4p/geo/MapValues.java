package org.a4p.geo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.a4p.app.Outcome;
import org.a4p.disclosure.Caller;
import org.a4p.disclosure.PublicValue;
import org.a4p.disclosure.ReadValues;
import org.a4p.geo.FeatureCollection.Feature;
import org.a4p.geo.FeatureCollection.Figure;
import org.a4p.indicators.Grain;
import org.a4p.indicators.QueryValues;
import org.a4p.orgunit.OrgUnit;
import org.a4p.orgunit.OrgUnits;
import org.a4p.pack.Pack;

/**
 * Use case: the missions, or one mission's sites, as GeoJSON points, each with the published value
 * of an indicator (the latest release's total for the org unit, small cells suppressed): what the
 * public sees, whoever asks. Without a period the values are of the latest year in which one of
 * the points has a shown value, so a map compares like with like.
 */
public final class MapValues {
    /** {@code mission} for the sites of one mission (null for the missions); {@code indicator} and {@code period} may be null. */
    public record Request(String mission, String indicator, String period) {}

    public sealed interface Result {}

    public record Mapped(FeatureCollection collection) implements Result {}

    /** A parameter that names nothing known: its name, the value given, and what was expected. */
    public record BadParameter(String name, String value, String expected) implements Result {}

    private final Pack pack;
    private final ReadValues readValues;

    public MapValues(Pack pack, ReadValues readValues) {
        this.pack = pack;
        this.readValues = readValues;
    }

    public Result missions(Request request) {
        Optional<BadParameter> bad = check(request);
        if (bad.isPresent()) {
            return bad.get();
        }
        return new Mapped(collect(request, pack.orgUnits().missions(),
                (unit, figure) -> new FeatureCollection.Mission(unit.code(), unit.name(), unit.scope(), unit.start(), unit.end(), figure)));
    }

    public Result sites(Request request) {
        OrgUnits orgUnits = pack.orgUnits();
        if (request.mission() == null || orgUnits.mission(request.mission()).isEmpty()) {
            return new BadParameter("mission", request.mission(), "expected a mission acronym such as "
                    + orgUnits.missions().stream().filter(m -> m.end() == null).map(OrgUnit::code).findFirst().orElse("MINUSCA")
                    + " (GET /api/v1/org-units?level=mission lists them)");
        }
        Optional<BadParameter> bad = check(request);
        if (bad.isPresent()) {
            return bad.get();
        }
        return new Mapped(collect(request, orgUnits.sitesOf(request.mission()),
                (unit, figure) -> new FeatureCollection.Site(unit.code(), unit.name(), unit.parent(), figure)));
    }

    private Optional<BadParameter> check(Request request) {
        if (request.indicator() != null && pack.indicator(request.indicator()).isEmpty()) {
            return Optional.of(new BadParameter("indicator", request.indicator(),
                    "expected an indicator id such as " + pack.indicators().get(0).id() + " (GET /api/v1/indicators lists them)"));
        }
        if (request.period() != null && Grain.of(request.period()) == null) {
            return Optional.of(new BadParameter("period", request.period(), "expected a period like 2020, 2020-Q3 or 2020-07"));
        }
        if (request.period() != null && request.indicator() == null) {
            return Optional.of(new BadParameter("period", request.period(), "expected a period with an indicator, whose values it selects"));
        }
        return Optional.empty();
    }

    private interface Properties {
        Object of(OrgUnit unit, Figure figure);
    }

    private FeatureCollection collect(Request request, List<OrgUnit> units, Properties properties) {
        List<OrgUnit> placed = units.stream().filter(unit -> unit.latitude() != null && unit.longitude() != null).toList();
        Map<String, PublicValue> values = new HashMap<>();
        String period = request.period();
        if (request.indicator() != null) {
            List<PublicValue> published = published(request.indicator(), period);
            if (period == null) {
                period = latestYearShown(published, placed);
            }
            for (PublicValue value : published) {
                if (value.period().equals(period)) {
                    values.put(value.orgUnit(), value);
                }
            }
        }
        List<Feature<?>> features = new ArrayList<>();
        for (OrgUnit unit : placed) {
            Figure figure = request.indicator() == null ? null : figure(values.get(unit.code()), period);
            features.add(new Feature<>(unit.code(), FeatureCollection.Point.at(unit.latitude(), unit.longitude()), properties.of(unit, figure)));
        }
        return new FeatureCollection(request.indicator(), period, request.indicator() != null && request.period() == null,
                units.size() - placed.size(), features);
    }

    /** The latest release's totals of the indicator, every org unit: for the period, or every year. */
    private List<PublicValue> published(String indicator, String period) {
        Outcome<List<PublicValue>> read = readValues.run(Caller.anonymous(),
                new QueryValues.Request(indicator, null, period, period == null ? Grain.YEAR : null, true));
        // The request was checked against the pack above, so the query cannot refuse it.
        return read.orElseThrow(failure -> new IllegalStateException(failure.message()));
    }

    /** Year labels are four digits, so the greatest label is the latest year. */
    private static String latestYearShown(List<PublicValue> published, List<OrgUnit> placed) {
        Set<String> codes = placed.stream().map(OrgUnit::code).collect(Collectors.toSet());
        return published.stream().filter(value -> value.value() != null && codes.contains(value.orgUnit()))
                .map(PublicValue::period).max(Comparator.naturalOrder()).orElse(null);
    }

    private static Figure figure(PublicValue value, String period) {
        if (value == null) {
            return new Figure(period, null, null, false, false, false);
        }
        return new Figure(period, value.value(), value.records(), value.suppressed(), value.flagged(), value.synthetic());
    }
}
