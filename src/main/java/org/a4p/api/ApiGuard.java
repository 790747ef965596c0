package org.a4p.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.router.Endpoint;
import java.util.Locale;
import java.util.Set;
import org.a4p.access.Accounts;
import org.a4p.access.AuthenticateToken;
import org.a4p.access.ReportDenial;
import org.a4p.access.TouchSession;
import org.a4p.web.CsrfTokens;
import org.a4p.web.HttpProblem;
import org.a4p.web.SessionCookie;

/**
 * The one before-handler of every matched route: tells who calls (bearer token, else session
 * cookie, else nobody), then applies {@link ApiPolicy}: the role, the CSRF token of a
 * state-changing request made on a session cookie, and a mission officer's {@code mission}
 * parameter. Credentials that are given and do not work are refused (401), never taken for an
 * anonymous call. Every refusal is a security event.
 */
final class ApiGuard implements Handler {
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String BEARER = "bearer ";

    private final Accounts accounts;
    private final SessionCookie cookie;

    ApiGuard(Accounts accounts, SessionCookie cookie) {
        this.accounts = accounts;
        this.cookie = cookie;
    }

    @Override
    public void handle(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint == null) { // a static file of the API's documentation page: public, and no route
            ctx.attribute(ApiCaller.ATTRIBUTE, ApiCaller.ANONYMOUS);
            return;
        }
        String method = endpoint.method.name();
        String action = method + ":" + endpoint.path;
        ApiPolicy.Rule rule = ApiPolicy.find(method, endpoint.path).orElse(null);
        if (rule == null) {
            deny(null, action, "route_not_in_policy");
            throw HttpProblem.forbidden("This route has no access rule, so no one may call it.");
        }
        if (rule.open()) {
            ctx.attribute(ApiCaller.ATTRIBUTE, ApiCaller.ANONYMOUS);
            return;
        }
        ApiCaller caller = authenticate(ctx);
        ctx.attribute(ApiCaller.ATTRIBUTE, caller);
        if (!rule.allows(caller.role())) {
            if (caller.anonymous()) {
                deny(null, action, "not_signed_in");
                ctx.header("WWW-Authenticate", "Bearer");
                throw HttpProblem.unauthorized("Sign in first: POST /api/v1/session, or send Authorization: Bearer TOKEN.");
            }
            deny(caller.name(), action, "role_" + caller.user().role().code());
            throw HttpProblem.forbidden("The role " + caller.user().role().code() + " may not " + method + " " + endpoint.path + ".");
        }
        if (caller.via() == ApiCaller.Via.SESSION && STATE_CHANGING.contains(method)) {
            String presented = ctx.header(CsrfTokens.HEADER);
            if (!CsrfTokens.matches(caller.sessionId(), presented)) {
                deny(caller.name(), action, presented == null ? "csrf_missing" : "csrf_mismatch");
                throw HttpProblem.csrf("A " + method + " on a session cookie needs the session's CSRF token in the " + CsrfTokens.HEADER
                        + " header (GET /api/v1/session gives it).");
            }
        }
        String mission = ctx.queryParam("mission");
        if (rule.missionScoped() && caller.scopedToMissions() && mission != null && !caller.missionScope().contains(mission)) {
            deny(caller.name(), action, "mission_scope");
            throw HttpProblem.forbidden("Mission '" + Params.shown(mission) + "' is not yours: you work on " + String.join(", ", caller.missionScope()) + ".");
        }
    }

    private ApiCaller authenticate(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            if (!authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
                ctx.header("WWW-Authenticate", "Bearer");
                throw HttpProblem.unauthorized("Expected Authorization: Bearer TOKEN.");
            }
            AuthenticateToken.Result result = accounts.authenticateToken().run(
                    new AuthenticateToken.Request(authorization.substring(BEARER.length()).trim()));
            if (result instanceof AuthenticateToken.Authenticated authenticated) {
                return ApiCaller.byToken(authenticated.user());
            }
            ctx.header("WWW-Authenticate", "Bearer");
            throw HttpProblem.unauthorized("The API token does not work: it is unknown, expired or revoked, or its user is disabled.");
        }
        String sessionId = cookie.read(ctx);
        if (sessionId == null) {
            return ApiCaller.ANONYMOUS;
        }
        TouchSession.Result result = accounts.touchSession().run(new TouchSession.Request(sessionId));
        if (result instanceof TouchSession.Active active) {
            return ApiCaller.bySession(active.user(), sessionId);
        }
        cookie.clear(ctx);
        throw HttpProblem.unauthorized(result instanceof TouchSession.Expired expired
                ? "The session timed out (" + (expired.timeout() == TouchSession.Timeout.IDLE ? "idle too long" : "too old") + "); sign in again."
                : "The session has ended; sign in again.");
    }

    private void deny(String user, String action, String reason) {
        accounts.reportDenial().run(new ReportDenial.Request(user, action, reason));
    }
}
