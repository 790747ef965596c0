package org.a4p.pages;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import org.a4p.access.Accounts;
import org.a4p.access.EndSession;
import org.a4p.access.Login;
import org.a4p.access.StartSession;
import org.a4p.i18n.Messages;
import org.a4p.web.SessionCookie;

/**
 * {@code /login} and {@code /logout}: the same accounts, sessions and cookie as the API's
 * {@code /api/v1/session}. After signing in the browser goes back to the page that asked for it,
 * never to another site.
 */
final class SignInPage implements PageRoutes.PageTable {
    private final Accounts accounts;
    private final SessionCookie cookie;
    private final PageFrame frame;

    SignInPage(Accounts accounts, SessionCookie cookie, PageFrame frame) {
        this.accounts = accounts;
        this.cookie = cookie;
        this.frame = frame;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/login", ctx -> form(ctx, null, ctx.queryParam("next")));
        routes.post("/login", this::signIn);
        routes.post("/logout", this::signOut);
    }

    private void form(Context ctx, String problem, String next) {
        Page page = frame.page(ctx, PageFrame.words(ctx).get("login.title"), "login");
        PageFrame.send(ctx, "login.jte", "page", page, "problem", problem, "next", safeNext(next), "username",
                ctx.formParam("username") == null ? "" : ctx.formParam("username"));
    }

    private void signIn(Context ctx) {
        Messages words = PageFrame.words(ctx);
        String next = safeNext(ctx.formParam("next"));
        Login.Result result = accounts.login().run(new Login.Request(value(ctx.formParam("username")), value(ctx.formParam("password"))));
        if (result instanceof Login.TryLater || result instanceof Login.Locked) {
            ctx.status(429);
            form(ctx, words.get("login.too_many"), next);
            return;
        }
        if (!(result instanceof Login.LoggedIn loggedIn)) {
            ctx.status(401);
            form(ctx, words.get("login.wrong"), next);
            return;
        }
        StartSession.Result started = accounts.startSession().run(new StartSession.Request(loggedIn.user().id(), cookie.read(ctx)));
        if (!(started instanceof StartSession.Started session)) {
            ctx.status(401);
            form(ctx, words.get("login.wrong"), next);
            return;
        }
        cookie.set(ctx, session.sessionId());
        ctx.redirect(next, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx) {
        Viewer viewer = PageFrame.viewer(ctx);
        if (viewer.signedIn()) {
            accounts.endSession().run(new EndSession.Request(viewer.sessionId()));
            cookie.clear(ctx);
        }
        ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private static String value(String text) {
        return text == null ? "" : text;
    }

    /** A path of this site only: {@code //evil.example} and {@code https://…} would leave it. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.startsWith("/login")) {
            return "/";
        }
        return next;
    }
}
