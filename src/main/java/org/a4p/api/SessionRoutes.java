package org.a4p.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.a4p.access.Accounts;
import org.a4p.access.EndSession;
import org.a4p.access.Login;
import org.a4p.access.StartSession;
import org.a4p.access.User;
import org.a4p.web.CsrfTokens;
import org.a4p.web.HttpProblem;
import org.a4p.web.SessionCookie;

/**
 * {@code /api/v1/session}: sign in (a new session id every time, and the one the browser held ends),
 * say who is signed in and give the session's CSRF token, sign out (the session ends on the
 * server, for every app instance).
 */
final class SessionRoutes {
    record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=(withheld)]";
        }
    }

    /** {@code csrfToken} only for a session; a bearer call needs none. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Session(String name, String role, List<String> missions, String authenticatedBy, String csrfToken) {
        static Session of(User user, ApiCaller.Via via, String sessionId) {
            return new Session(user.name(), user.role().code(), user.missions(), via == ApiCaller.Via.SESSION ? "session" : "token",
                    sessionId == null ? null : CsrfTokens.of(sessionId));
        }
    }

    private static final String WRONG = "Wrong user name or password.";

    private final Accounts accounts;
    private final SessionCookie cookie;
    private final Clock clock;

    SessionRoutes(Accounts accounts, SessionCookie cookie, Clock clock) {
        this.accounts = accounts;
        this.cookie = cookie;
        this.clock = clock;
    }

    void addTo(JavalinDefaultRoutingApi routes) {
        routes.post("/api/v1/session", this::signIn);
        routes.get("/api/v1/session", this::whoAmI);
        routes.delete("/api/v1/session", this::signOut);
    }

    private void signIn(Context ctx) {
        Params.only(ctx);
        Credentials credentials = Bodies.json(ctx, Credentials.class, "a JSON object {\"username\": …, \"password\": …}");
        Login.Result result = accounts.login().run(new Login.Request(credentials.username(), credentials.password()));
        if (result instanceof Login.TryLater later) {
            throw tooMany(ctx, later.until());
        }
        if (result instanceof Login.Locked locked) {
            throw tooMany(ctx, locked.until());
        }
        if (!(result instanceof Login.LoggedIn loggedIn)) {
            throw HttpProblem.unauthorized(WRONG);
        }
        StartSession.Result started = accounts.startSession().run(new StartSession.Request(loggedIn.user().id(), cookie.read(ctx)));
        if (!(started instanceof StartSession.Started session)) {
            throw HttpProblem.unauthorized(WRONG); // disabled between the two steps
        }
        cookie.set(ctx, session.sessionId());
        ctx.status(201).json(Session.of(session.user(), ApiCaller.Via.SESSION, session.sessionId()));
    }

    /**
     * A wait after failures and a lock read the same, bar the time: neither says more than that the
     * account exists, which the wait itself tells (an unknown name never waits).
     */
    private HttpProblem tooMany(Context ctx, Instant until) {
        long seconds = Math.max(1, (Duration.between(clock.instant(), until).toMillis() + 999) / 1000);
        ctx.header("Retry-After", Long.toString(seconds));
        return HttpProblem.tooManyAttempts("Too many failed sign-ins for this account: try again in " + seconds + " s.");
    }

    private void whoAmI(Context ctx) {
        Params.only(ctx);
        ApiCaller caller = ApiCaller.of(ctx);
        ctx.json(Session.of(caller.user(), caller.via(), caller.sessionId()));
    }

    /** Ends the session of the cookie; a bearer call has none, and nothing happens. */
    private void signOut(Context ctx) {
        Params.only(ctx);
        ApiCaller caller = ApiCaller.of(ctx);
        if (caller.via() == ApiCaller.Via.SESSION) {
            accounts.endSession().run(new EndSession.Request(caller.sessionId()));
            cookie.clear(ctx);
        }
        ctx.status(204);
    }
}
