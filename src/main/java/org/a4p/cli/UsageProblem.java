package org.a4p.cli;

/** A command was called with options that make no sense together; exits with code 2. */
final class UsageProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageProblem(String message) {
        super(message);
    }
}
