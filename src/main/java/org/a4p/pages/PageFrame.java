package org.a4p.pages;

import io.javalin.http.Context;
import java.util.List;
import org.a4p.access.Role;
import org.a4p.app.Outcome;
import org.a4p.i18n.Messages;
import org.a4p.release.ReadReleases;
import org.a4p.release.Release;
import org.a4p.web.FailedRequest;
import org.a4p.web.HttpProblem;

/** Builds the {@link Page} of a request and sends pages: what every page handler shares. */
public final class PageFrame {
    private final ReadReleases releases;
    private final ServerNotice notice;

    public PageFrame(ReadReleases releases, ServerNotice notice) {
        this.releases = releases;
        this.notice = notice;
    }

    /** The page of this request, titled {@code title} (already in the viewer's language), in navigation section {@code section}. */
    public Page page(Context ctx, String title, String section) {
        Viewer viewer = PageGuard.viewer(ctx);
        Release latest = latestRelease();
        Messages words = Messages.of(viewer.language());
        return new Page(viewer, words, ctx.path(), ctx.queryParamMap(), title, section, latest, notice.text(words));
    }

    /** The latest release, which the public reads; null before the first. */
    public Release latestRelease() {
        List<Release> all = releases.list();
        return all.stream().max(java.util.Comparator.comparingInt(Release::number)).orElse(null);
    }

    /** The value of a use case's outcome; its failure ends the request as the page of its status. */
    public static <T> T ok(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Failed<T> failed) {
            throw new FailedRequest(failed.failure());
        }
        return ((Outcome.Ok<T>) outcome).value();
    }

    public static Viewer viewer(Context ctx) {
        return PageGuard.viewer(ctx);
    }

    public static Messages words(Context ctx) {
        return Messages.of(PageGuard.viewer(ctx).language());
    }

    /** Sends template {@code template} with {@code page} and the other parameters (name, value…). */
    public static void send(Context ctx, String template, Object... namesAndValues) {
        ctx.html(Templates.render(template, namesAndValues));
    }

    /**
     * Lets the request through only for a viewer with one of {@code roles} (any signed-in user when
     * none is named): nobody signed in is sent to the sign-in page, which brings them back here; a
     * user without the role is refused.
     */
    public static Viewer require(Context ctx, Role... roles) {
        Viewer viewer = PageGuard.viewer(ctx);
        if (!viewer.signedIn()) {
            String back = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
            ctx.redirect("/login?next=" + Page.encode(back));
            throw new SignInFirst();
        }
        if (roles.length > 0 && !viewer.is(roles)) {
            throw HttpProblem.forbidden(words(ctx).get("error.role", viewer.user().role().code()));
        }
        return viewer;
    }

    /** Ends a handler that has redirected to the sign-in page. */
    static final class SignInFirst extends RuntimeException {
        SignInFirst() {
            super(null, null, false, false);
        }
    }
}
