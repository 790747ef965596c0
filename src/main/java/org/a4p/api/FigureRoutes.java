package org.a4p.api;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import org.a4p.disclosure.ReadScorecard;
import org.a4p.disclosure.ReadValues;
import org.a4p.explain.ExplainValue;
import org.a4p.indicators.Grain;
import org.a4p.indicators.QueryValues;
import org.a4p.progress.BuildScorecard;
import org.a4p.ranking.RankCountries;
import org.a4p.web.FailedRequest;
import org.a4p.web.HttpProblem;

/** Computed figures: indicator values (small cells suppressed for public readers), scorecards, the gender ranking. */
final class FigureRoutes {
    private final ReadValues readValues;
    private final ReadScorecard readScorecard;
    private final RankCountries rankCountries;
    private final RankCountries rankApproved;
    private final ExplainValue explain;
    /** The org unit a scorecard and the ranking default to: the pack's first scope, as on the command line. */
    private final String defaultScope;

    /** {@code rankApproved} ranks public readers from approved records only; {@code rankCountries} ranks staff from every submitted one. */
    FigureRoutes(ReadValues readValues, ReadScorecard readScorecard, RankCountries rankCountries, RankCountries rankApproved,
            ExplainValue explain, String defaultScope) {
        this.readValues = readValues;
        this.explain = explain;
        this.readScorecard = readScorecard;
        this.rankCountries = rankCountries;
        this.rankApproved = rankApproved;
        this.defaultScope = defaultScope;
    }

    void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/api/v1/values", this::values);
        routes.get("/api/v1/scorecards", this::scorecard);
        routes.get("/api/v1/ranking", this::ranking);
        routes.get("/api/v1/values/explain", this::explain);
    }

    /** The CLI's filters: {@code indicator}, {@code org_unit}, {@code by} (the grain, unless {@code period} sets it), {@code totals}. */
    private void values(Context ctx) {
        Params.only(ctx, "indicator", "org_unit", "by", "period", "totals");
        String by = Params.oneOf(ctx, "by", "year", "quarter", "month");
        QueryValues.Request request = new QueryValues.Request(Params.text(ctx, "indicator"), Params.text(ctx, "org_unit"),
                Params.text(ctx, "period"), by == null ? null : Grain.valueOf(by.toUpperCase(java.util.Locale.ROOT)), Params.flag(ctx, "totals"));
        ctx.json(readValues.run(ApiCaller.of(ctx).disclosure(), request).orElseThrow(FailedRequest::new));
    }

    /** {@code org_unit} defaults to the pack's first scope; {@code year} to the year with the most headline values. */
    private void scorecard(Context ctx) {
        Params.only(ctx, "org_unit", "year", "by");
        String orgUnit = Params.text(ctx, "org_unit");
        BuildScorecard.View view = "commitment_area".equals(Params.oneOf(ctx, "by", "priority", "commitment_area"))
                ? BuildScorecard.View.COMMITMENT_AREA : BuildScorecard.View.PRIORITY;
        BuildScorecard.Request request = new BuildScorecard.Request(orgUnit == null ? defaultScope : orgUnit,
                Params.integer(ctx, "year", 1900, 2999, "expected a year like 2020"), view);
        ctx.json(readScorecard.run(ApiCaller.of(ctx).disclosure(), request).orElseThrow(FailedRequest::new));
    }

    /** {@code scope}: a scope of the pack (default its first, PKO), or ALL for every mission. */
    private void ranking(Context ctx) {
        Params.only(ctx, "month", "scope", "category");
        String scope = Params.text(ctx, "scope");
        RankCountries rank = ApiCaller.of(ctx).disclosure().isPublic() ? rankApproved : rankCountries;
        ctx.json(rank.run(new RankCountries.Request(Params.month(ctx, "month"), scope == null ? defaultScope : "ALL".equals(scope) ? null : scope,
                Params.text(ctx, "category"))).orElseThrow(FailedRequest::new));
    }

    /** Why a value is what it is: per submission with its records for staff, per release for public readers. */
    private void explain(Context ctx) {
        Params.only(ctx, "indicator", "org_unit", "period");
        String indicator = Params.text(ctx, "indicator");
        String period = Params.text(ctx, "period");
        if (indicator == null || period == null) {
            throw HttpProblem.badParameter(indicator == null ? "indicator" : "period", null,
                    "expected indicator and period (and org_unit, default the pack's first scope)");
        }
        String orgUnit = Params.text(ctx, "org_unit");
        ctx.json(explain.run(ApiCaller.of(ctx).disclosure(), new ExplainValue.Request(indicator, orgUnit == null ? defaultScope : orgUnit,
                period)).orElseThrow(FailedRequest::new));
    }
}
