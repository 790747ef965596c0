package org.a4p.app;

/**
 * An expected failure of a use case, as a value: what kind it is (which each edge maps once, to an
 * exit code or an HTTP status) and a message for the person who asked, naming what was wrong.
 */
public record Failure(Kind kind, String message) {

    public enum Kind {
        /** The request makes no sense: a bad parameter, an unknown type, a period that is not one. */
        INVALID,
        /** What the request names does not exist: a user, a submission. */
        NOT_FOUND,
        /** A sound request with nothing to answer it: no records for the month asked. */
        NO_DATA,
        /** The caller may not do this. */
        FORBIDDEN,
        /** The state of things refuses it: a locked period, a name already taken. */
        CONFLICT,
        /** The input was read and refused: rows with errors, a weak password. */
        REJECTED
    }

    public static Failure invalid(String message) {
        return new Failure(Kind.INVALID, message);
    }

    public static Failure notFound(String message) {
        return new Failure(Kind.NOT_FOUND, message);
    }

    public static Failure noData(String message) {
        return new Failure(Kind.NO_DATA, message);
    }
}
