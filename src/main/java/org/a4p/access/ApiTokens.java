package org.a4p.access;

import java.util.regex.Pattern;

/**
 * The form of an API token: {@code a4p_} and 32 random bytes in URL-safe base64. Its first
 * {@value #PREFIX_LENGTH} characters are public, to tell tokens apart in lists and logs.
 */
final class ApiTokens {
    static final int PREFIX_LENGTH = 12;
    private static final String MARK = "a4p_";
    private static final Pattern FORM = Pattern.compile("a4p_[A-Za-z0-9_-]{43}");

    private ApiTokens() {}

    static String newToken() {
        return MARK + Secrets.random();
    }

    static String prefix(String token) {
        return token.substring(0, PREFIX_LENGTH);
    }

    /** True when the text could be a token of ours; anything else is refused before any lookup. */
    static boolean wellFormed(String text) {
        return text != null && FORM.matcher(text).matches();
    }
}
