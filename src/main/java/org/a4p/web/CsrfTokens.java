package org.a4p.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The CSRF token of a session: derived from its id (SHA-256 of a label and the id), so it is bound
 * to the session, changes when the id is rotated at login, needs no storage, and every app
 * instance computes the same one. Knowing the token tells nothing of the id (a preimage of
 * SHA-256 over 256 random bits), and the id never leaves its HttpOnly cookie.
 */
public final class CsrfTokens {
    public static final String HEADER = "X-CSRF-Token";
    private static final String LABEL = "a4p-csrf-v1:";

    private CsrfTokens() {}

    public static String of(String sessionId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(LABEL + sessionId));
    }

    /** Compared in constant time, so the answer's timing gives the token away no byte at a time. */
    public static boolean matches(String sessionId, String presented) {
        return presented != null && MessageDigest.isEqual(of(sessionId).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
