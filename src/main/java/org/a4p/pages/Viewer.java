package org.a4p.pages;

import java.util.Arrays;
import org.a4p.access.Role;
import org.a4p.access.User;
import org.a4p.disclosure.Caller;
import org.a4p.i18n.Language;
import org.a4p.web.CsrfTokens;

/**
 * Who views a page, as {@link PageGuard} established it: a user signed in by the session cookie
 * (the same session as the API's), or nobody; and the language the page is in. {@code sessionId}
 * is the cookie's secret, kept only to derive the CSRF token of the page's forms.
 */
public record Viewer(User user, String sessionId, Language language) {
    static final String ATTRIBUTE = "a4p.viewer";

    static Viewer anonymous(Language language) {
        return new Viewer(null, null, language);
    }

    public boolean signedIn() {
        return user != null;
    }

    /** Whether the viewer has one of {@code roles}. */
    public boolean is(Role... roles) {
        return signedIn() && Arrays.asList(roles).contains(user.role());
    }

    /** Staff see the working data (provisional values included); everyone else the latest release. */
    public boolean staff() {
        return signedIn() && !caller().isPublic();
    }

    public Caller caller() {
        return signedIn() ? Caller.of(user) : Caller.anonymous();
    }

    /** The CSRF token every form of a signed-in page carries; empty when nobody is signed in. */
    public String csrfToken() {
        return sessionId == null ? "" : CsrfTokens.of(sessionId);
    }

    public String name() {
        return signedIn() ? user.name() : null;
    }

    @Override
    public String toString() {
        return "Viewer[user=" + name() + ", language=" + language + ", sessionId=(withheld)]";
    }
}
