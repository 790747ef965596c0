package org.a4p.pages;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import java.util.List;
import org.a4p.app.App;
import org.a4p.explain.ExplainValue;
import org.a4p.explain.Explanation;
import org.a4p.i18n.Messages;
import org.a4p.pack.Indicator;
import org.a4p.pack.Pack;
import org.a4p.web.HttpProblem;

/**
 * {@code /values?indicator=&mission=&period=}: why did this value change? Its history: for staff,
 * each submission that moved it and the records whose addition, retirement or revision did so,
 * with the fields that changed (names only for fields the viewer may not read); for the public,
 * each release that published or revised it. The same use case as {@code ./a4p explain}.
 */
public final class ValuePage implements PageRoutes.PageTable {
    public record View(String indicator, String indicatorName, String orgUnit, String period, String value, String records,
            List<Explanation.Change> changes, String unit, boolean staff) {}

    private final Pack pack;
    private final PageFrame frame;
    private final ExplainValue explain;

    ValuePage(App app, PageFrame frame) {
        this.pack = app.pack();
        this.frame = frame;
        this.explain = new ExplainValue(app.pack(), app.database());
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/values", this::show);
    }

    private void show(Context ctx) {
        Viewer viewer = PageFrame.viewer(ctx);
        Messages words = PageFrame.words(ctx);
        String id = required(ctx, "indicator", words);
        Indicator indicator = pack.indicator(id).orElseThrow(() -> HttpProblem.badParameter("indicator", id, words.get("error.indicator")));
        String orgUnit = Choices.orgUnit(ctx, pack);
        String period = required(ctx, "period", words);
        Explanation explanation = PageFrame.ok(explain.run(viewer.caller(), new ExplainValue.Request(id, orgUnit, period)));
        View view = new View(id, Shown.indicatorName(indicator, words.language()), orgUnit, period,
                words.number(explanation.value(), indicator.unit()),
                explanation.records() == null ? "—" : words.count(explanation.records()), explanation.changes(), indicator.unit(), viewer.staff());
        PageFrame.send(ctx, "value.jte", "page", frame.page(ctx, words.get("value.title", view.indicatorName(), orgUnit, period), "overview"),
                "view", view, "words", words);
    }

    private static String required(Context ctx, String name, Messages words) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            throw HttpProblem.badParameter(name, null, words.get("error.required"));
        }
        return value.trim();
    }
}
