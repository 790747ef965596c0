package org.a4p.api;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import org.a4p.release.PublishRelease;
import org.a4p.release.ReadReleases;
import org.a4p.release.Release;
import org.a4p.web.FailedRequest;
import org.a4p.web.HttpProblem;
import org.a4p.workflow.Actor;

/**
 * {@code /api/v1/releases}: publish one (analysts), list them, what one added, revised and
 * withdrew; and {@code /api/v1/values/history}: every release that published or changed one value.
 */
final class ReleaseRoutes {
    static final int DEFAULT_LIMIT = 1000;

    /** The optional body of a publication. */
    record PublishBody(String note) {}

    private final PublishRelease publish;
    private final ReadReleases read;

    ReleaseRoutes(PublishRelease publish, ReadReleases read) {
        this.publish = publish;
        this.read = read;
    }

    void addTo(JavalinDefaultRoutingApi routes) {
        routes.post("/api/v1/releases", this::publish);
        routes.get("/api/v1/releases", this::list);
        routes.get("/api/v1/releases/{number}", this::one);
        routes.get("/api/v1/values/history", this::history);
    }

    private void publish(Context ctx) {
        Params.only(ctx);
        // Read whole, not by Content-Length: a chunked body has none.
        String note = ctx.bodyAsBytes().length == 0 ? null
                : Bodies.json(ctx, PublishBody.class, "a JSON object {\"note\": \"…\"} or no body").note();
        Release release = publish.run(new PublishRelease.Request(Actor.of(ApiCaller.of(ctx).user()), note)).orElseThrow(FailedRequest::new);
        ctx.status(201).header("Location", "/api/v1/releases/" + release.number()).json(release);
    }

    private void list(Context ctx) {
        Params.only(ctx);
        ctx.json(read.list());
    }

    private void one(Context ctx) {
        Params.only(ctx, "change", "limit");
        long number = Params.pathId(ctx, "number");
        if (number > Integer.MAX_VALUE) {
            throw HttpProblem.badParameter("number", ctx.pathParam("number"), "expected a release number");
        }
        Integer limit = Params.integer(ctx, "limit", 1, 100_000, "expected a whole number from 1 to 100000");
        ctx.json(read.changes((int) number, Params.oneOf(ctx, "change", "added", "revised", "withdrawn"),
                limit == null ? DEFAULT_LIMIT : limit).orElseThrow(FailedRequest::new));
    }

    private void history(Context ctx) {
        Params.only(ctx, "indicator", "org_unit", "period", "disaggregation");
        String indicator = Params.text(ctx, "indicator");
        String orgUnit = Params.text(ctx, "org_unit");
        String period = Params.text(ctx, "period");
        if (indicator == null || orgUnit == null || period == null) {
            throw HttpProblem.badParameter(indicator == null ? "indicator" : orgUnit == null ? "org_unit" : "period", null,
                    "expected indicator, org_unit and period (and disaggregation for a disaggregated value)");
        }
        ctx.json(read.history(indicator, orgUnit, period, Params.text(ctx, "disaggregation")));
    }
}
