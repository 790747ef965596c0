package org.a4p.cli;

import org.a4p.app.Failure;

/** A use case refused the request; exits with 2 for a bad request or an unknown name, 1 otherwise. */
final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Failure failure;

    Refused(Failure failure) {
        super(failure.message(), null, false, false);
        this.failure = failure;
    }

    int exitCode() {
        return failure.kind() == Failure.Kind.INVALID || failure.kind() == Failure.Kind.NOT_FOUND ? Main.USAGE : Main.REJECTED;
    }
}
