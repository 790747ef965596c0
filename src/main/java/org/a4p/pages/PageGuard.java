package org.a4p.pages;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.SameSite;
import java.util.Locale;
import java.util.Optional;
import org.a4p.access.Accounts;
import org.a4p.access.ReportDenial;
import org.a4p.access.TouchSession;
import org.a4p.access.User;
import org.a4p.i18n.Language;
import org.a4p.web.CsrfTokens;
import org.a4p.web.HttpProblem;
import org.a4p.web.SessionCookie;
import org.a4p.web.Uploads;

/**
 * Runs before every page: tells who views it (the API's session cookie, so one sign-in serves
 * both) and in which language ({@code ?lang=}, which the browser then keeps in a cookie and a
 * signed-in user as their own; else the user's own; else that cookie; else the browser's
 * preference; else English), and refuses a form sent without the
 * session's CSRF token. A session that has ended makes the viewer anonymous, not an error: the
 * public pages still show.
 */
final class PageGuard implements Handler {
    static final String LANGUAGE_COOKIE = "a4p_lang";
    static final String CSRF_FIELD = "csrf";

    private final Accounts accounts;
    private final SessionCookie cookie;

    PageGuard(Accounts accounts, SessionCookie cookie) {
        this.accounts = accounts;
        this.cookie = cookie;
    }

    @Override
    public void handle(Context ctx) {
        Language asked = Language.of(ctx.queryParam("lang")).orElse(null);
        User user = null;
        String sessionId = cookie.read(ctx);
        if (sessionId != null) {
            TouchSession.Result result = accounts.touchSession().run(new TouchSession.Request(sessionId));
            if (result instanceof TouchSession.Active active) {
                user = active.user();
            } else {
                cookie.clear(ctx);
            }
        }
        Language language = language(ctx, asked, user);
        Viewer viewer = user == null ? Viewer.anonymous(language) : new Viewer(user, sessionId, language);
        ctx.attribute(Viewer.ATTRIBUTE, viewer);
        if (ctx.method().name().equals("POST") && viewer.signedIn()) {
            String presented = Uploads.field(ctx, CSRF_FIELD); // a multipart body over the bound is a 413, not a fault
            if (!CsrfTokens.matches(sessionId, presented)) {
                accounts.reportDenial().run(new ReportDenial.Request(viewer.name(), "POST:" + ctx.path(),
                        presented == null ? "csrf_missing" : "csrf_mismatch"));
                throw HttpProblem.csrf("This form has expired or did not come from this site: open the page again and resend it.");
            }
        }
    }

    /**
     * {@code ?lang=} first (kept in a cookie, and as a signed-in user's own); then a signed-in
     * user's own language, on any browser; then the cookie; then the browser's preference; else English.
     */
    private Language language(Context ctx, Language asked, User user) {
        if (ctx.queryParam("lang") != null) {
            Language language = asked == null ? Language.EN : asked;
            ctx.cookie(new Cookie(LANGUAGE_COOKIE, language.code(), "/", 365 * 24 * 3600, cookie.secure(ctx), true, null, SameSite.LAX));
            if (user != null && accounts.languages().of(user.id()).orElse(null) != language) {
                accounts.languages().set(user.id(), language);
            }
            return language;
        }
        if (user != null) {
            Optional<Language> own = accounts.languages().of(user.id());
            if (own.isPresent()) {
                return own.get();
            }
        }
        Language kept = Language.of(ctx.cookie(LANGUAGE_COOKIE)).orElse(null);
        if (kept != null) {
            return kept;
        }
        String accept = ctx.header("Accept-Language");
        return accept != null && accept.toLowerCase(Locale.ROOT).trim().startsWith("fr") ? Language.FR : Language.EN;
    }

    static Viewer viewer(Context ctx) {
        Viewer viewer = ctx.attribute(Viewer.ATTRIBUTE);
        if (viewer == null) {
            throw new IllegalStateException("no viewer on " + ctx.path() + ": the page guard did not run");
        }
        return viewer;
    }
}
