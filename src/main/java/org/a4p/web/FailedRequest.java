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

    Failure failure() {
        return failure;
    }
}
