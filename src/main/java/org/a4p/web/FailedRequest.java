package org.a4p.web;

import org.a4p.app.Failure;

/**
 * A use case's expected {@link Failure}, thrown by a handler ({@code outcome.orElseThrow(FailedRequest::new)})
 * and written by {@link Problems}, the one place that maps a failure's kind to a status.
 */
public final class FailedRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Failure failure;

    public FailedRequest(Failure failure) {
        super(failure.message(), null, false, false);
        this.failure = failure;
    }

    /** The one mapping of a use case's expected failure to a status, for the problem documents and the pages that show a refusal. */
    public static int status(Failure failure) {
        return switch (failure.kind()) {
            case INVALID -> 400;
            case NOT_FOUND, NO_DATA -> 404;
            case FORBIDDEN -> 403;
            case CONFLICT -> 409;
            case REJECTED -> 422;
        };
    }

    Failure failure() {
        return failure;
    }
}
