package org.a4p.pages;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Comparator;
import java.util.List;
import org.a4p.access.Role;
import org.a4p.app.App;
import org.a4p.app.Outcome;
import org.a4p.i18n.Messages;
import org.a4p.release.PublishRelease;
import org.a4p.release.ReadReleases;
import org.a4p.release.Release;
import org.a4p.web.FailedRequest;
import org.a4p.workflow.Actor;

/**
 * {@code /data/releases}: the releases, newest first, and for analysts the form that publishes the
 * next one through {@link PublishRelease}, as {@code POST /api/v1/releases} and {@code ./a4p release} do.
 */
public final class ReleasesPage implements PageRoutes.PageTable {
    public record Listing(List<Release> releases, boolean publishes, String published, String problem, String note) {}

    private final PageFrame frame;
    private final PublishRelease publish;
    private final ReadReleases read;

    ReleasesPage(App app, PageFrame frame) {
        this.frame = frame;
        this.publish = app.publishRelease();
        this.read = app.releases();
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/data/releases", ctx -> show(ctx, null, null));
        routes.post("/data/releases", this::publish);
    }

    private void show(Context ctx, String problem, String note) {
        Viewer viewer = PageFrame.require(ctx, UploadPage.SENDERS);
        Messages words = PageFrame.words(ctx);
        String published = ctx.queryParam("published");
        List<Release> releases = read.list().stream().sorted(Comparator.comparingInt(Release::number).reversed()).toList();
        boolean known = published != null && releases.stream().anyMatch(release -> Integer.toString(release.number()).equals(published));
        Listing listing = new Listing(releases, viewer.is(Role.ANALYST), known ? words.get("data.releases.published", published) : null,
                problem, note);
        Page page = frame.page(ctx, words.get("data.releases.title"), "data");
        PageFrame.send(ctx, "releases.jte", "page", page, "listing", listing);
    }

    private void publish(Context ctx) {
        Viewer viewer = PageFrame.require(ctx, Role.ANALYST);
        String note = ctx.formParam("note");
        Outcome<Release> outcome = publish.run(new PublishRelease.Request(Actor.of(viewer.user()), note));
        if (outcome instanceof Outcome.Failed<Release> failed) {
            ctx.status(FailedRequest.status(failed.failure()));
            show(ctx, failed.failure().message(), note);
            return;
        }
        ctx.redirect("/data/releases?published=" + ((Outcome.Ok<Release>) outcome).value().number(), HttpStatus.SEE_OTHER);
    }
}
