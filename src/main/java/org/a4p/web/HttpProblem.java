package org.a4p.web;

import java.util.List;
import org.a4p.ingest.RowIssue;

/**
 * A request the server refuses, thrown by a handler and written once, by {@link Problems}, as a
 * problem document. Carries no stack trace: it is an answer, not a fault.
 */
public final class HttpProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String title;
    private final transient List<ProblemError> errors;

    private HttpProblem(int status, String type, String title, String detail, List<ProblemError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** 400: a query or path parameter that does not parse or is out of range. */
    public static HttpProblem badParameter(String name, String value, String expected) {
        return new HttpProblem(400, "urn:a4p:problem:bad-parameter", "Bad parameter",
                "parameter '" + name + "': " + expected + (value == null ? "" : ", got '" + value + "'"),
                List.of(ProblemError.parameter(name, value, expected)));
    }

    /** 422: an upload whose rows fail validation; every issue goes into {@code errors}. */
    public static HttpProblem invalidRows(String detail, List<RowIssue> issues) {
        return new HttpProblem(422, "urn:a4p:problem:invalid-rows", "Rows failed validation", detail,
                issues.stream().map(ProblemError::of).toList());
    }

    /** 400: a request body that is not what the route reads; {@code detail} never quotes the body (it may hold a password). */
    public static HttpProblem badBody(String detail) {
        return new HttpProblem(400, "urn:a4p:problem:bad-body", "Bad request body", detail, List.of());
    }

    /** 401: no working credentials (none given for a route that needs them, or a session or token that does not work). */
    public static HttpProblem unauthorized(String detail) {
        return new HttpProblem(401, "urn:a4p:problem:unauthorized", "Unauthorized", detail, List.of());
    }

    /** 404: what was asked for does not exist; {@code detail} says what and where to look. */
    public static HttpProblem notFound(String detail) {
        return new HttpProblem(404, "urn:a4p:problem:not-found", "Not Found", detail, List.of());
    }

    /** 403: the caller is known and may not do this. */
    public static HttpProblem forbidden(String detail) {
        return new HttpProblem(403, "urn:a4p:problem:forbidden", "Forbidden", detail, List.of());
    }

    /** 403: a state-changing request on a session cookie without the session's CSRF token. */
    public static HttpProblem csrf(String detail) {
        return new HttpProblem(403, "urn:a4p:problem:csrf", "Forbidden", detail, List.of());
    }

    /** 406: no representation the route writes is one the caller accepts. */
    public static HttpProblem notAcceptable(String detail) {
        return new HttpProblem(406, "urn:a4p:problem:not-acceptable", "Not Acceptable", detail, List.of());
    }

    /** 413: a body over the route's bound. */
    public static HttpProblem tooLarge(String detail) {
        return new HttpProblem(413, "urn:a4p:problem:too-large", "Content Too Large", detail, List.of());
    }

    /** 415: a body of a media type the route does not read. */
    public static HttpProblem unsupportedMediaType(String detail) {
        return new HttpProblem(415, "urn:a4p:problem:unsupported-media-type", "Unsupported Media Type", detail, List.of());
    }

    /** 429: too many failed logins; the handler sets Retry-After. */
    public static HttpProblem tooManyAttempts(String detail) {
        return new HttpProblem(429, "urn:a4p:problem:too-many-attempts", "Too Many Requests", detail, List.of());
    }

    /** 503: the server is up but cannot serve yet (its database is unreachable, say). */
    public static HttpProblem unavailable(String detail) {
        return new HttpProblem(503, "urn:a4p:problem:not-ready", "Service Unavailable", detail, List.of());
    }

    Problem problem(String instance) {
        return new Problem(type, title, status, getMessage(), instance, errors);
    }
}
