package org.a4p.api;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import org.a4p.geo.FeatureCollection;
import org.a4p.geo.MapValues;
import org.a4p.web.HttpProblem;

/** {@code /api/v1/geo}: the missions and a mission's sites as GeoJSON, with an indicator's published values. */
final class GeoRoutes {
    static final String GEO_JSON = "application/geo+json";

    private final MapValues mapValues;

    GeoRoutes(MapValues mapValues) {
        this.mapValues = mapValues;
    }

    void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/api/v1/geo/missions", this::missions);
        routes.get("/api/v1/geo/sites", this::sites);
    }

    private void missions(Context ctx) {
        Params.only(ctx, "indicator", "period");
        write(ctx, mapValues.missions(new MapValues.Request(null, Params.text(ctx, "indicator"), Params.text(ctx, "period"))));
    }

    private void sites(Context ctx) {
        Params.only(ctx, "mission", "indicator", "period");
        write(ctx, mapValues.sites(new MapValues.Request(Params.text(ctx, "mission"), Params.text(ctx, "indicator"),
                Params.text(ctx, "period"))));
    }

    private static void write(Context ctx, MapValues.Result result) {
        if (result instanceof MapValues.BadParameter bad) {
            throw HttpProblem.badParameter(bad.name(), bad.value() == null ? null : Params.shown(bad.value()), bad.expected());
        }
        FeatureCollection collection = ((MapValues.Mapped) result).collection();
        ctx.contentType(GEO_JSON).result(ctx.jsonMapper().toJsonString(collection, FeatureCollection.class));
    }
}
