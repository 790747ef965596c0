package org.a4p.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.a4p.app.Failure;
import org.a4p.app.Outcome;

/** Reads the audit trail, newest entry first: since a time, by one actor, of one action or a family of actions. */
public final class QueryAudit {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 100_000;
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*\\.?");

    /**
     * Null for no filter. {@code since}: an instant ({@code 2026-11-30T10:00:00Z}) or a date (its
     * start, UTC); {@code action}: exact ({@code user.add}), or a prefix ending with a dot ({@code user.});
     * {@code limit}: null for {@value #DEFAULT_LIMIT}.
     */
    public record Request(String since, String user, String action, Integer limit) {}

    private final DataSource dataSource;

    public QueryAudit(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Outcome<List<AuditEntry>> run(Request request) {
        Instant since = null;
        if (request.since() != null) {
            since = instant(request.since().trim());
            if (since == null) {
                return Outcome.failed(Failure.invalid("--since: expected an instant like 2026-11-30T10:00:00Z or a date like 2026-11-30, got '"
                        + request.since() + "'"));
            }
        }
        String action = request.action();
        if (action != null && !ACTION.matcher(action).matches()) {
            return Outcome.failed(Failure.invalid("--action: expected an action like user.add or a prefix like user., got '" + action + "'"));
        }
        int limit = request.limit() == null ? DEFAULT_LIMIT : request.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            return Outcome.failed(Failure.invalid("--limit: expected 1 to " + MAX_LIMIT + ", got " + limit));
        }
        boolean prefix = action != null && action.endsWith(".");
        AuditStore.Filter filter = new AuditStore.Filter(since, request.user(), prefix ? null : action, prefix ? action : null, limit, true);
        try (Connection connection = dataSource.getConnection()) {
            return Outcome.ok(new AuditStore(connection).query(filter));
        } catch (SQLException e) {
            throw new AuditException("cannot read the audit trail: " + e.getMessage(), e);
        }
    }

    private static Instant instant(String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
