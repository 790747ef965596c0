package org.a4p.api;

import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.a4p.app.App;
import org.a4p.app.ReloadPack;
import org.a4p.disclosure.ReadRecords;
import org.a4p.disclosure.ReadScorecard;
import org.a4p.disclosure.ReadValues;
import org.a4p.explain.ExplainValue;
import org.a4p.geo.MapValues;
import org.a4p.indicators.ValueQuery;
import org.a4p.ingest.SubmitRecords;
import org.a4p.ingest.ViewSubmissions;
import org.a4p.progress.BuildScorecard;
import org.a4p.ranking.RankCountries;
import org.a4p.templates.WriteTemplate;
import org.a4p.web.SessionCookie;

/**
 * The JSON API under {@code /api/v1}, wired with plain constructors over one {@link App}: the
 * guard that applies {@link ApiPolicy} before every route under {@code /api}, and the route tables
 * of sessions, catalogue, figures, records, submissions, users, releases and maps.
 */
public final class ApiRoutes {
    private final ApiGuard guard;
    private final SessionRoutes session;
    private final CatalogueRoutes catalogue;
    private final FigureRoutes figures;
    private final RecordRoutes records;
    private final SubmissionRoutes submissions;
    private final UserRoutes users;
    private final ReleaseRoutes releases;
    private final GeoRoutes geo;

    /** {@code trustForwardedProto}: see {@link org.a4p.web.ServerSettings#trustForwardedProto()}. */
    public ApiRoutes(App app, boolean trustForwardedProto) {
        SessionCookie cookie = new SessionCookie(trustForwardedProto);
        ReadValues readValues = new ReadValues(app.pack(), app.database());
        this.guard = new ApiGuard(app.accounts(), cookie);
        this.session = new SessionRoutes(app.accounts(), cookie, app.clock());
        this.catalogue = new CatalogueRoutes(new Catalogue(app.pack()), new WriteTemplate(app.pack()));
        this.figures = new FigureRoutes(readValues, new ReadScorecard(app.pack(), app.database(), readValues),
                new RankCountries(app.pack(), app.database()), new RankCountries(app.pack(), app.database(), true),
                new ExplainValue(app.pack(), app.database()), app.pack().orgUnits().defaultScope());
        this.records = new RecordRoutes(new ReadRecords(app.pack(), app.database()));
        this.submissions = new SubmissionRoutes(new SubmitRecords(app.pack(), app.importer(), app.accounts().reportDenial()),
                new ViewSubmissions(app.pack(), app.database()), app.workflow());
        this.releases = new ReleaseRoutes(app.publishRelease(), app.releases());
        this.users = new UserRoutes(app.accounts());
        this.geo = new GeoRoutes(new MapValues(app.pack(), readValues));
    }

    /**
     * What does not change with the pack, registered once on the server: upload limits, the guard, and
     * {@code POST /api/v1/pack/reload}, which runs outside any pack generation since it replaces it.
     */
    public void addShared(JavalinConfig config, ReloadPack reload) {
        config.jetty.multipartConfig.maxFileSize(SubmissionRoutes.MAX_UPLOAD, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxTotalRequestSize(SubmissionRoutes.MAX_UPLOAD + 64 * 1024, SizeUnit.BYTES);
        config.routes.beforeMatched("/api/*", guard);
        new PackRoutes(reload).addTo(config.routes);
    }

    /** The routes built on the pack; registered for each generation (see {@link org.a4p.web.WebServer}). */
    public void addTo(JavalinDefaultRoutingApi routes) {
        session.addTo(routes);
        catalogue.addTo(routes);
        figures.addTo(routes);
        records.addTo(routes);
        submissions.addTo(routes);
        users.addTo(routes);
        releases.addTo(routes);
        geo.addTo(routes);
    }
}
