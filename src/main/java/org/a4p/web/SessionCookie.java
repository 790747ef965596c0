package org.a4p.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page sends
 * it), Path=/, no Max-Age (it ends with the browser; the server ends it sooner by its timeouts),
 * and Secure when the request came over HTTPS: on the connection itself, or, only when the server
 * is told it sits behind a TLS-terminating proxy, by that proxy's {@code X-Forwarded-Proto}.
 */
public final class SessionCookie {
    public static final String NAME = "a4p_session";

    private final boolean trustForwardedProto;

    public SessionCookie(boolean trustForwardedProto) {
        this.trustForwardedProto = trustForwardedProto;
    }

    /** The session id the request presents, or null. */
    public String read(Context ctx) {
        String value = ctx.cookie(NAME);
        return value == null || value.isBlank() ? null : value;
    }

    public void set(Context ctx, String sessionId) {
        ctx.cookie(new Cookie(NAME, sessionId, "/", -1, secure(ctx), true, null, SameSite.STRICT));
    }

    /** Tells the browser to forget the cookie. */
    public void clear(Context ctx) {
        ctx.cookie(new Cookie(NAME, "", "/", 0, secure(ctx), true, null, SameSite.STRICT));
    }

    public boolean secure(Context ctx) {
        if ("https".equalsIgnoreCase(ctx.scheme())) {
            return true;
        }
        String forwarded = ctx.header("X-Forwarded-Proto");
        // A chain of proxies lists one protocol each; the first is the browser's.
        return trustForwardedProto && forwarded != null && "https".equalsIgnoreCase(forwarded.split(",")[0].trim());
    }
}
