package org.a4p.access;

/**
 * Puts a refused request on the security log: an edge (the HTTP API) that refuses a caller its
 * route, its mission or its CSRF check says so here, so that every denial is one kind of line.
 */
public final class ReportDenial {
    /** {@code user} null for an anonymous caller; {@code action} and {@code reason} are the edge's own words, never the caller's. */
    public record Request(String user, String action, String reason) {}

    private final SecurityEvents events;
    private final AccountAudit audit;

    ReportDenial(SecurityEvents events, AccountAudit audit) {
        this.events = events;
        this.audit = audit;
    }

    public void run(Request request) {
        events.denied(request.user(), request.action(), request.reason());
        audit.denied(request.user(), request.action(), request.reason());
    }
}
