package org.a4p.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.a4p.app.App;
import org.a4p.disclosure.PublicValue;
import org.a4p.disclosure.ReadScorecard;
import org.a4p.disclosure.ReadValues;
import org.a4p.i18n.Messages;
import org.a4p.indicators.Grain;
import org.a4p.indicators.QueryValues;
import org.a4p.indicators.ValueQuery;
import org.a4p.pack.Indicator;
import org.a4p.pack.Pack;
import org.a4p.pack.Priority;
import org.a4p.progress.BuildScorecard;

/**
 * {@code /priorities/{id}}: a priority's every indicator with its status and trend, a chart of
 * each over ten years by mission (with its target and baseline), and the A4P commitment areas the
 * priority moves.
 */
public final class PriorityPage implements PageRoutes.PageTable {
    public record View(String id, String name, String summary, boolean crossCutting, String orgUnit, List<Choices.Option> orgUnits,
            int year, List<Integer> years, List<Area> areas, List<Item> indicators, boolean synthetic) {}

    public record Area(String id, String name) {}

    public record Item(Shown.Line line, String definition, Charts.Chart chart) {}

    private final Pack pack;
    private final PageFrame frame;
    private final ReadScorecard scorecard;
    private final ReadValues values;

    PriorityPage(App app, PageFrame frame) {
        this.pack = app.pack();
        this.frame = frame;
        this.values = new ReadValues(app.pack(), app.database());
        this.scorecard = new ReadScorecard(new BuildScorecard(app.pack(), app.database()),
                new BuildScorecard(app.pack(), app.database(), ValueQuery.Source.PUBLISHED), values);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/priorities/{id}", this::show);
    }

    private void show(Context ctx) {
        Viewer viewer = PageFrame.viewer(ctx);
        Messages words = PageFrame.words(ctx);
        Priority priority = pack.priority(ctx.pathParam("id"))
                .orElseThrow(() -> new NotFoundResponse(words.get("priority.unknown", ctx.pathParam("id"))));
        String orgUnit = Choices.orgUnit(ctx, pack);
        ReadScorecard.Card card = OverviewPage.ok(scorecard.run(viewer.caller(),
                new BuildScorecard.Request(orgUnit, Choices.year(ctx), BuildScorecard.View.EVERY_INDICATOR)));
        ReadScorecard.Section section = card.priorities().stream().filter(s -> s.id().equals(priority.id())).findFirst().orElseThrow();
        List<String> missions = Charts.missionsOf(pack, orgUnit);
        List<Item> items = new ArrayList<>();
        Set<Integer> years = new java.util.TreeSet<>();
        boolean synthetic = false;
        for (ReadScorecard.Row row : section.indicators()) {
            Indicator indicator = pack.indicator(row.id()).orElseThrow();
            List<PublicValue> yearly = OverviewPage.ok(values.run(viewer.caller(), new QueryValues.Request(row.id(), null, null, Grain.YEAR, true)));
            Map<String, Map<Integer, Double>> byOrgUnit = Charts.byOrgUnit(yearly);
            byOrgUnit.getOrDefault(orgUnit, Map.of()).keySet().forEach(years::add);
            Charts.Chart chart = Charts.yearly(byOrgUnit, orgUnit, missions, card.year(), row.target(), row.baselineValue(), row.unit(), words);
            items.add(new Item(Shown.line(pack, words, row, byOrgUnit.get(orgUnit), card.year()), indicator.definition(), chart));
            synthetic |= row.synthetic();
        }
        Set<String> areaIds = new LinkedHashSet<>();
        pack.indicators().stream().filter(i -> i.priority().equals(priority.id())).forEach(i -> areaIds.addAll(i.commitmentAreas()));
        List<Area> areas = pack.commitmentAreas().stream().filter(area -> areaIds.contains(area.id()))
                .map(area -> new Area(area.id(), CommitmentsPage.name(area, words))).toList();
        View view = new View(priority.id(), Shown.priorityName(priority, words.language()), priority.summary(), priority.crossCutting(),
                orgUnit, Choices.orgUnits(pack, words), card.year(), List.copyOf(((java.util.TreeSet<Integer>) years).descendingSet()), areas,
                items, synthetic);
        PageFrame.send(ctx, "priority.jte", "page", frame.page(ctx, view.name(), "overview"), "view", view);
    }
}
