package org.a4p.pages;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.a4p.app.App;
import org.a4p.app.Failure;
import org.a4p.app.Json;
import org.a4p.disclosure.PublicValue;
import org.a4p.disclosure.ReadScorecard;
import org.a4p.disclosure.ReadValues;
import org.a4p.i18n.Messages;
import org.a4p.indicators.Grain;
import org.a4p.indicators.QueryValues;
import org.a4p.indicators.ValueQuery;
import org.a4p.orgunit.OrgUnit;
import org.a4p.pack.Indicator;
import org.a4p.pack.Pack;
import org.a4p.progress.BuildScorecard;
import org.a4p.web.FailedRequest;

/**
 * {@code /missions/{code}}: one mission's map (shipped country boundaries, its Geo-PKO sites, and
 * how many records of each site-bearing type each site holds in the year), the same sites as a
 * table, its scorecard, and its reporting completeness and data quality, all as the viewer may
 * see them (the latest release for the public, small cells suppressed).
 */
public final class MissionPage implements PageRoutes.PageTable {
    /** The page's figures; {@code mapData} the JSON the map script draws, {@code countedTypes} the count columns' headings. */
    public record Mission(String code, String name, String scope, String life, String countries, int year, List<Integer> years,
            String mapData, List<Site> sites, List<String> countedTypes, List<String> uncountedTypes, boolean publicCounts,
            List<OverviewPage.Tile> tiles, boolean synthetic, MissionQuality.Quality quality) {}

    /** One site as the table prints it; {@code counts} in the order of {@code countedTypes}. */
    public record Site(String code, String name, String country, String latitude, String longitude, String deployed,
            boolean headquarters, List<String> counts) {}

    private final Pack pack;
    private final PageFrame frame;
    private final ReadValues values;
    private final ReadScorecard scorecard;
    private final SiteRecordCounts siteCounts;
    private final SiteFacts facts = new SiteFacts();

    MissionPage(App app, PageFrame frame) {
        this.pack = app.pack();
        this.frame = frame;
        this.values = new ReadValues(app.pack(), app.database());
        this.scorecard = new ReadScorecard(app.pack(), app.database(), values);
        this.siteCounts = new SiteRecordCounts(app.pack(), values);
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/missions/{code}", this::show);
    }

    private void show(Context ctx) {
        Viewer viewer = PageFrame.viewer(ctx);
        Messages words = PageFrame.words(ctx);
        String code = ctx.pathParam("code");
        OrgUnit mission = pack.orgUnits().mission(code)
                .orElseThrow(() -> new FailedRequest(Failure.notFound(words.get("mission.unknown", code))));
        ReadScorecard.Card card = PageFrame.ok(scorecard.run(viewer.caller(),
                new BuildScorecard.Request(code, Choices.year(ctx), BuildScorecard.View.PRIORITY)));
        List<PublicValue> yearly = PageFrame.ok(values.run(viewer.caller(), new QueryValues.Request(null, code, null, Grain.YEAR, true)));
        List<PublicValue> monthly = new ArrayList<>();
        for (Indicator indicator : MissionQuality.headlines(pack)) {
            monthly.addAll(PageFrame.ok(values.run(viewer.caller(), new QueryValues.Request(indicator.id(), code, null, Grain.MONTH, true))));
        }
        TreeSet<Integer> years = new TreeSet<>();
        yearly.forEach(value -> years.add(Integer.parseInt(value.period())));
        years.add(card.year());

        List<OrgUnit> sites = pack.orgUnits().sitesOf(code).stream().sorted(Comparator.comparing(OrgUnit::name).thenComparing(OrgUnit::code)).toList();
        Page page = frame.page(ctx, mission.code() + " — " + words.get("mission.title"), "missions");
        SiteRecordCounts.Counts counts = siteCounts.count(viewer.caller(), sites, card.year(), yearly,
                page.latestRelease() == null ? null : page.latestRelease().number());
        List<SiteRecordCounts.Counter> counted = counts.counters().stream().filter(counter -> counter.indicator() != null).toList();
        List<Site> rows = new ArrayList<>();
        List<Map<String, Object>> points = new ArrayList<>();
        Set<String> countries = new LinkedHashSet<>();
        for (OrgUnit site : sites) {
            SiteFacts.Facts known = facts.of(site.code());
            List<String> shown = counted.stream().map(counter -> count(words, counts.of(site.code(), counter.type().id()))).toList();
            if (known != null && known.country() != null && !known.country().isBlank()) {
                countries.add(known.country());
            }
            rows.add(new Site(site.code(), site.name(), known == null ? "—" : known.country(), coordinate(words, site.latitude()),
                    coordinate(words, site.longitude()), deployed(known), known != null && known.hq() >= 3, shown));
            if (site.latitude() != null && site.longitude() != null) {
                points.add(point(words, site, counted, shown));
            }
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("points", points);
        map.put("centre", mission.latitude() == null || mission.longitude() == null ? null : List.of(mission.latitude(), mission.longitude()));
        map.put("attribution", words.get("map.attribution"));
        map.put("label", words.get("map.label", mission.code()));
        Mission view = new Mission(mission.code(), mission.name(), scopeName(mission), life(words, mission), String.join(", ", countries),
                card.year(), List.copyOf(years.descendingSet()), Json.write(map), rows, counted.stream().map(counter -> typeName(words, counter.type().id(), counter.type().name())).toList(),
                counts.counters().stream().filter(counter -> counter.indicator() == null).map(counter -> typeName(words, counter.type().id(), counter.type().name())).toList(),
                viewer.caller().isPublic(), ScorecardTiles.of(pack, words, card, yearly), card.synthetic(),
                MissionQuality.of(pack, words, card.year(), yearly, monthly));
        PageFrame.send(ctx, "mission.jte", "page", page, "mission", view);
    }

    private static Map<String, Object> point(Messages words, OrgUnit site, List<SiteRecordCounts.Counter> counted, List<String> shown) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < counted.size(); i++) {
            lines.add(typeName(words, counted.get(i).type().id(), counted.get(i).type().name()) + ": " + shown.get(i));
        }
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("code", site.code());
        point.put("name", site.name());
        point.put("lat", site.latitude());
        point.put("lon", site.longitude());
        point.put("lines", lines);
        return point;
    }

    static String count(Messages words, SiteRecordCounts.Count count) {
        return count.suppressed() ? words.get("status.suppressed") : words.count(count.records() == null ? 0 : count.records());
    }

    static String typeName(Messages words, String id, String packName) {
        return words.getOr("mission.type." + id, packName);
    }

    private String scopeName(OrgUnit mission) {
        return pack.orgUnits().scope(mission.scope()).map(scope -> scope.name()).orElse(mission.scope());
    }

    static String life(Messages words, OrgUnit mission) {
        if (mission.start() == null) {
            return "—";
        }
        return mission.end() == null ? words.get("mission.since", words.date(mission.start()))
                : words.get("mission.from_to", words.date(mission.start()), words.date(mission.end()));
    }

    private static String coordinate(Messages words, Double degrees) {
        return degrees == null ? "—" : String.format(words.language().locale(), "%.4f", degrees);
    }

    private static String deployed(SiteFacts.Facts known) {
        if (known == null || known.firstYear() == null) {
            return "—";
        }
        return known.firstYear().equals(known.lastYear()) || known.lastYear() == null ? known.firstYear().toString()
                : known.firstYear() + "–" + known.lastYear();
    }
}
