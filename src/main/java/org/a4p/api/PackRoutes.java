package org.a4p.api;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.a4p.app.ReloadPack;
import org.a4p.web.FailedRequest;
import org.a4p.workflow.Actor;

/**
 * {@code POST /api/v1/pack/reload}: reloads the pack from where the server started on it (admins
 * only). Answers the pack now in service; a broken pack is a 422 problem and the old pack stays.
 */
final class PackRoutes {
    private final ReloadPack reload;

    PackRoutes(ReloadPack reload) {
        this.reload = reload;
    }

    void addTo(JavalinDefaultRoutingApi routes) {
        routes.post("/api/v1/pack/reload", this::reload);
    }

    private void reload(Context ctx) {
        Params.only(ctx);
        ctx.json(reload.run(Actor.of(ApiCaller.of(ctx).user())).orElseThrow(FailedRequest::new));
    }
}
