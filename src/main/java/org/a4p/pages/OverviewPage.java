package org.a4p.pages;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import java.util.List;
import java.util.TreeSet;
import org.a4p.app.App;
import org.a4p.disclosure.PublicValue;
import org.a4p.disclosure.ReadScorecard;
import org.a4p.disclosure.ReadValues;
import org.a4p.i18n.Messages;
import org.a4p.indicators.Grain;
import org.a4p.indicators.QueryValues;
import org.a4p.indicators.ValueQuery;
import org.a4p.pack.Pack;
import org.a4p.progress.BuildScorecard;

/**
 * {@code /}: the nine priorities as tiles, each with its headline indicators (latest value,
 * target, status, trend and a sparkline), for one org unit and year, from the figures the viewer
 * may see (the latest release for the public).
 */
public final class OverviewPage implements PageRoutes.PageTable {
    /** The page's figures. {@code year} is the one shown; {@code years} those with any value. */
    public record Overview(String orgUnit, List<Choices.Option> orgUnits, int year, List<Integer> years, List<Tile> tiles, boolean synthetic) {}

    public record Tile(String id, String name, boolean crossCutting, List<Shown.Line> headlines) {}

    private final Pack pack;
    private final PageFrame frame;
    private final ReadScorecard scorecard;
    private final ReadValues values;

    OverviewPage(App app, PageFrame frame) {
        this.pack = app.pack();
        this.frame = frame;
        this.values = new ReadValues(app.pack(), app.database());
        this.scorecard = new ReadScorecard(app.pack(), app.database(), values);
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/", this::show);
    }

    private void show(Context ctx) {
        Viewer viewer = PageFrame.viewer(ctx);
        Messages words = PageFrame.words(ctx);
        String orgUnit = Choices.orgUnit(ctx, pack);
        Integer year = Choices.year(ctx);
        ReadScorecard.Card card = PageFrame.ok(scorecard.run(viewer.caller(), new BuildScorecard.Request(orgUnit, year, BuildScorecard.View.PRIORITY)));
        List<PublicValue> yearlyValues = PageFrame.ok(values.run(viewer.caller(), new QueryValues.Request(null, orgUnit, null, Grain.YEAR, true)));
        TreeSet<Integer> years = new TreeSet<>();
        Shown.yearly(yearlyValues).values().forEach(series -> years.addAll(series.keySet()));
        List<Tile> tiles = ScorecardTiles.of(pack, words, card, yearlyValues);
        Overview overview = new Overview(orgUnit, Choices.orgUnits(pack, words), card.year(), List.copyOf(years.descendingSet()), tiles,
                card.synthetic());
        Page page = frame.page(ctx, words.get("overview.title"), "overview");
        PageFrame.send(ctx, "overview.jte", "page", page, "overview", overview);
    }
}
