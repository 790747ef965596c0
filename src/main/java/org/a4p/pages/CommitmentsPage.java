package org.a4p.pages;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.a4p.app.App;
import org.a4p.disclosure.PublicValue;
import org.a4p.disclosure.ReadScorecard;
import org.a4p.disclosure.ReadValues;
import org.a4p.i18n.Messages;
import org.a4p.indicators.Grain;
import org.a4p.indicators.QueryValues;
import org.a4p.indicators.ValueQuery;
import org.a4p.pack.CommitmentArea;
import org.a4p.pack.Pack;
import org.a4p.progress.BuildScorecard;

/** {@code /commitments}: the eight A4P commitment areas, each with every indicator that moves it. */
public final class CommitmentsPage implements PageRoutes.PageTable {
    public record View(String orgUnit, List<Choices.Option> orgUnits, int year, List<Integer> years, List<Area> areas) {}

    public record Area(String id, String name, List<Shown.Line> indicators) {}

    private final Pack pack;
    private final PageFrame frame;
    private final ReadScorecard scorecard;
    private final ReadValues values;

    CommitmentsPage(App app, PageFrame frame) {
        this.pack = app.pack();
        this.frame = frame;
        this.values = new ReadValues(app.pack(), app.database());
        this.scorecard = new ReadScorecard(app.pack(), app.database(), values);
    }

    /** An area's name in the page's language (the pack names the areas in English). */
    static String name(CommitmentArea area, Messages words) {
        return words.getOr("area." + area.id(), area.name());
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/commitments", this::show);
    }

    private void show(Context ctx) {
        Viewer viewer = PageFrame.viewer(ctx);
        Messages words = PageFrame.words(ctx);
        String orgUnit = Choices.orgUnit(ctx, pack);
        ReadScorecard.Card card = PageFrame.ok(scorecard.run(viewer.caller(),
                new BuildScorecard.Request(orgUnit, Choices.year(ctx), BuildScorecard.View.COMMITMENT_AREA)));
        List<PublicValue> yearlyValues = PageFrame.ok(values.run(viewer.caller(), new QueryValues.Request(null, orgUnit, null, Grain.YEAR, true)));
        Map<String, Map<Integer, Double>> yearly = Shown.yearly(yearlyValues);
        java.util.TreeSet<Integer> years = new java.util.TreeSet<>();
        yearly.values().forEach(series -> years.addAll(series.keySet()));
        List<Area> areas = card.commitmentAreas().stream().map(section -> new Area(section.id(),
                name(pack.commitmentAreas().stream().filter(a -> a.id().equals(section.id())).findFirst().orElseThrow(), words),
                section.indicators().stream().map(row -> Shown.line(pack, words, row, yearly.get(row.id()), card.year())).toList())).toList();
        View view = new View(orgUnit, Choices.orgUnits(pack, words), card.year(), List.copyOf(years.descendingSet()), areas);
        PageFrame.send(ctx, "commitments.jte", "page", frame.page(ctx, words.get("commitments.title"), "commitments"), "view", view);
    }
}
