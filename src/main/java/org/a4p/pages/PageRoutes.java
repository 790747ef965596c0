package org.a4p.pages;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.staticfiles.Location;
import java.util.List;
import java.util.Map;
import org.a4p.app.App;
import org.a4p.i18n.Language;
import org.a4p.i18n.Messages;
import org.a4p.web.PageErrors;
import org.a4p.web.SessionCookie;

/**
 * The web pages, wired with plain constructors over one {@link App}: the guard that runs before
 * every page, each page's route table, our static files and the two webjars the pages load
 * (ECharts and Leaflet: nothing comes from outside the server).
 */
public final class PageRoutes {
    /** Paths that are not pages: the API has its own guard, health checks answer machines. */
    private static final List<String> NOT_PAGES = List.of("/api/", "/health", "/ready", "/static/", "/assets/");

    private final PageGuard guard;
    private final List<PageTable> tables;

    /** A page's routes. */
    interface PageTable {
        void addTo(io.javalin.router.JavalinDefaultRoutingApi routes);
    }

    public PageRoutes(App app, SessionCookie cookie, ServerNotice notice) {
        PageFrame frame = new PageFrame(app.releases(), notice);
        this.guard = new PageGuard(app.accounts(), cookie);
        YearlyTotals yearlyTotals = new YearlyTotals(new org.a4p.disclosure.ReadValues(app.pack(), app.database()));
        this.tables = List.of(new Assets(), new SignInPage(app.accounts(), cookie, frame), new OverviewPage(app, frame), new PriorityPage(app, frame, yearlyTotals),
                new CommitmentsPage(app, frame), new IndicatorPage(app, frame, yearlyTotals), new ValuePage(app, frame), new ReportDownloadPage(app, frame),
                new OpenDataPage(app, frame), new MissionListPage(app, frame), new MissionPage(app, frame), new GenderPage(app, frame),
                new DataPages(app, frame), new AdminPages(app, frame));
    }

    /** What does not change with the pack, registered once on the server: the guard, a redirect's mapping, the static files. */
    public void addShared(JavalinConfig config) {
        config.routes.beforeMatched(ctx -> {
            if (isPage(ctx)) {
                guard.handle(ctx);
            }
        });
        config.routes.exception(PageFrame.SignInFirst.class, (redirected, ctx) -> {}); // the redirect is the answer
        config.staticFiles.add(files -> {
            files.hostedPath = "/static";
            files.directory = "static";
            files.location = Location.CLASSPATH;
        });
    }

    /** The pages built on the pack; registered for each generation (see {@link org.a4p.web.WebServer}). */
    public void addTo(io.javalin.router.JavalinDefaultRoutingApi routes) {
        tables.forEach(table -> table.addTo(routes));
    }

    static boolean isPage(Context ctx) {
        String path = ctx.path();
        return NOT_PAGES.stream().noneMatch(path::startsWith);
    }

    /** Failures of a page, as a page. */
    public PageErrors errors() {
        return new PageErrors() {
            @Override
            public boolean wants(Context ctx) {
                String accept = ctx.header(Header.ACCEPT);
                return isPage(ctx) && accept != null && accept.contains("text/html");
            }

            @Override
            public String render(Context ctx, int status, String detail) {
                Viewer viewer = ctx.attribute(Viewer.ATTRIBUTE);
                if (viewer == null) { // no route matched, so the guard did not run
                    viewer = Viewer.anonymous(Language.of(ctx.queryParam("lang"))
                            .or(() -> Language.of(ctx.cookie(PageGuard.LANGUAGE_COOKIE))).orElse(Language.EN));
                }
                Messages words = Messages.of(viewer.language());
                String title = words.getOr("error." + status, words.get("error.other", status));
                if (status == 404 && detail != null && detail.startsWith("Nothing is served at")) { // no route: say so in the reader's words
                    detail = words.get("error.nothing_here", ctx.path());
                }
                Page page = new Page(viewer, words, ctx.path(), Map.of(), title, null, null, null);
                return Templates.render("error.jte", "page", page, "status", status, "detail", detail);
            }
        };
    }
}
