package org.a4p.narrative;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.a4p.access.Role;
import org.a4p.app.Failure;
import org.a4p.app.Outcome;
import org.a4p.audit.AuditEvent;
import org.a4p.audit.AuditTrail;
import org.a4p.i18n.Language;
import org.a4p.pack.Pack;
import org.a4p.workflow.Actor;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Use case: save a new version of the narrative of a priority, year and language. Analysts and
 * admins write (and the operator at the command line); every save is kept and put on the audit trail.
 */
public final class WriteNarrative {
    /** The most a narrative holds: a few pages of the report. */
    public static final int MAX_CHARACTERS = 20_000;
    private static final int FIRST_YEAR = 1948;

    public record Request(Actor actor, String priority, int year, Language language, String text) {}

    private final Pack pack;
    private final Jdbi jdbi;
    private final AuditTrail audit;
    private final Clock clock;

    public WriteNarrative(Pack pack, Jdbi jdbi, AuditTrail audit, Clock clock) {
        this.pack = pack;
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    public Outcome<Narrative> run(Request request) {
        Role role = request.actor().role();
        if (role != null && role != Role.ANALYST && role != Role.ADMIN) {
            return Outcome.failed(new Failure(Failure.Kind.FORBIDDEN,
                    "a " + role.code() + " may not write a narrative; analysts and admins do"));
        }
        if (pack.priorities().stream().noneMatch(priority -> priority.id().equals(request.priority()))) {
            return Outcome.failed(Failure.invalid("unknown priority '" + request.priority() + "': expected one of "
                    + String.join(", ", pack.priorities().stream().map(p -> p.id()).toList())));
        }
        int thisYear = clock.instant().atZone(ZoneOffset.UTC).getYear();
        if (request.year() < FIRST_YEAR || request.year() > thisYear + 1) {
            return Outcome.failed(Failure.invalid("expected a year from " + FIRST_YEAR + " to " + (thisYear + 1) + ", got " + request.year()));
        }
        String text = request.text() == null ? "" : request.text().replace("\r\n", "\n").strip();
        if (text.isEmpty()) {
            return Outcome.failed(Failure.invalid("expected the narrative's text, got an empty one"));
        }
        if (text.length() > MAX_CHARACTERS) {
            return Outcome.failed(Failure.invalid("expected a narrative of at most " + MAX_CHARACTERS + " characters, got " + text.length()));
        }
        if (text.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            return Outcome.failed(Failure.invalid("expected a narrative with no control characters but line breaks and tabs"));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // Two saves racing for one version: the unique key refuses the second, which then takes the next.
        for (int attempt = 1; ; attempt++) {
            try {
                return Outcome.ok(jdbi.inTransaction(handle -> {
                    NarrativeStore store = new NarrativeStore(handle);
                    int version = store.lastVersion(request.priority(), request.year(), request.language()) + 1;
                    Narrative narrative = new Narrative(request.priority(), request.year(), request.language(), version, text,
                            request.actor().name(), now);
                    store.insert(narrative);
                    audit.append(handle.getConnection(), event(request.actor(), narrative));
                    return narrative;
                }));
            } catch (UnableToExecuteStatementException e) {
                if (attempt == 3 || !isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static AuditEvent event(Actor actor, Narrative narrative) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("priority", narrative.priority());
        after.put("year", narrative.year());
        after.put("lang", narrative.language().code());
        after.put("version", narrative.version());
        after.put("role", actor.role() == null ? "operator" : actor.role().code());
        after.put("text", narrative.text());
        return AuditEvent.of(actor.name(), "narrative.write",
                "narrative:" + narrative.priority() + "/" + narrative.year() + "/" + narrative.language().code(), null, after);
    }
}
