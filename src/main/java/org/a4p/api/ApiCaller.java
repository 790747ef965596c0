package org.a4p.api;

import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import org.a4p.access.Role;
import org.a4p.access.User;
import org.a4p.disclosure.Caller;

/**
 * Who makes a request, as {@link ApiGuard} established it: a user signed in by session cookie or
 * by API token, or nobody. {@code sessionId} is the cookie's secret, kept only to end or rotate
 * the session and to check its CSRF token; it is never written out.
 */
record ApiCaller(User user, Via via, String sessionId) {
    static final String ATTRIBUTE = "a4p.caller";
    static final ApiCaller ANONYMOUS = new ApiCaller(null, Via.NONE, null);

    enum Via { NONE, SESSION, TOKEN }

    static ApiCaller bySession(User user, String sessionId) {
        return new ApiCaller(user, Via.SESSION, sessionId);
    }

    static ApiCaller byToken(User user) {
        return new ApiCaller(user, Via.TOKEN, null);
    }

    /** The caller of the request; the guard sets it before any handler runs. */
    static ApiCaller of(Context ctx) {
        ApiCaller caller = ctx.attribute(ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("no caller on " + ctx.method() + " " + ctx.path() + ": the API guard did not run");
        }
        return caller;
    }

    boolean anonymous() {
        return user == null;
    }

    Optional<Role> role() {
        return anonymous() ? Optional.empty() : Optional.of(user.role());
    }

    /** The user's name, or null for an anonymous caller. */
    String name() {
        return anonymous() ? null : user.name();
    }

    /** The missions the caller is limited to (a mission officer, or an officer of a mission); empty for every mission. */
    List<String> missionScope() {
        return anonymous() ? List.of() : user.missions();
    }

    /** The caller as the disclosure package judges what it may see. */
    Caller disclosure() {
        return anonymous() ? Caller.anonymous() : Caller.of(user);
    }

    boolean scopedToMissions() {
        return !missionScope().isEmpty();
    }

    @Override
    public String toString() {
        return "ApiCaller[user=" + name() + ", via=" + via + ", sessionId=(withheld)]";
    }
}
