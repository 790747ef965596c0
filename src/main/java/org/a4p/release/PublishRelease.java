package org.a4p.release;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.a4p.access.Role;
import java.util.LinkedHashMap;
import org.a4p.app.Failure;
import org.a4p.audit.AuditEvent;
import org.a4p.audit.AuditTrail;
import org.a4p.app.Outcome;
import org.a4p.db.Database;
import org.a4p.disclosure.PublicValue;
import org.a4p.disclosure.SmallCells;
import org.a4p.indicators.IndicatorEngine;
import org.a4p.indicators.IndicatorValue;
import org.a4p.ingest.SubmissionStore;
import org.a4p.pack.Indicator;
import org.a4p.pack.Pack;
import org.a4p.records.StoreException;
import org.a4p.workflow.Actor;
import org.a4p.workflow.LockStore;

/**
 * Use case: publish a release. Every indicator is computed from approved records only, small
 * cells are suppressed on the complete tables, and what differs from the latest release is put
 * on record as this release's changes, under the next number. Publishers queue on the release
 * counter, so two app instances never publish the same number or interleave their changes; while
 * one is computed, approvals and imports wait on their record types' guards.
 *
 * <p>The system's own records (the data-quality ledger of imports) need no approval and are
 * published as they stand; every other record counts once its submission is approved.
 *
 * <p>The content digest is the SHA-256 of the release's values sorted by indicator, org unit,
 * period and disaggregation, one line each: the four keys and value, records, synthetic, flagged,
 * suppressed, tab-separated ({@code Double.toString} for the value, empty for null), ending in a line feed.
 */
public final class PublishRelease {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PublishRelease.class);
    public record Request(Actor actor, String note) {}

    /** Told of every release once it is committed (the metrics count them). */
    @FunctionalInterface
    public interface Listener {
        void published(Release release);
    }

    private static final Comparator<PublicValue> ORDER = Comparator.comparing(PublicValue::orgUnit)
            .thenComparing(PublicValue::period).thenComparing(PublicValue::disaggregation);

    private final Pack pack;
    private final Database database;
    private final IndicatorEngine approved;
    private final SmallCells smallCells;
    private final AuditTrail audit;
    private final Clock clock;
    private final Listener listener;
    private final ReleaseStore store = new ReleaseStore();

    public PublishRelease(Pack pack, Database database, AuditTrail audit, Clock clock, Listener listener) {
        this.pack = pack;
        this.database = database;
        this.approved = IndicatorEngine.approvedOnly(pack, database.dialect());
        this.smallCells = new SmallCells(pack);
        this.audit = audit;
        this.clock = clock;
        this.listener = listener;
    }

    public Outcome<Release> run(Request request) {
        Role role = request.actor().role();
        if (role != null && role != Role.ANALYST) {
            return Outcome.failed(new Failure(Failure.Kind.FORBIDDEN, "a " + role.code() + " may not publish a release; analysts do"));
        }
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        if (note != null && (note.length() > 2000 || note.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t'))) {
            return Outcome.failed(Failure.invalid("expected a note of at most 2000 characters with no control characters but line breaks and tabs"));
        }
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                Outcome<Release> outcome = publish(connection, request.actor(), note);
                if (outcome instanceof Outcome.Ok<Release> ok) {
                    audit.append(connection, event(request.actor(), ok.value()));
                    connection.commit();
                    listener.published(ok.value());
                } else {
                    connection.rollback();
                }
                return outcome;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("no release was published: " + e.getMessage(), e);
        }
    }

    private Outcome<Release> publish(Connection connection, Actor actor, String note) throws SQLException {
        long started = System.nanoTime();
        int number = store.nextNumber(connection);
        // The approved tables hold still while they are read (one query per type, and one per median):
        // approvals and imports wait for the release, which is then of one state of the data.
        new LockStore().guardAll(connection);
        int approvedSubmissions = new SubmissionStore().countApproved(connection);
        if (approvedSubmissions == 0) {
            return Outcome.failed(new Failure(Failure.Kind.CONFLICT,
                    "there is no approved data to publish yet: a release holds approved submissions only; approve one first"));
        }
        Map<String, List<IndicatorValue>> byIndicator = new HashMap<>();
        for (IndicatorValue value : approved.compute(connection, pack.indicators(), null, null)) {
            byIndicator.computeIfAbsent(value.indicator(), id -> new ArrayList<>()).add(value);
        }
        long computed = System.nanoTime();
        long writing = 0;
        MessageDigest digest = sha256();
        int values = 0;
        int added = 0;
        int revised = 0;
        int withdrawn = 0;
        for (Indicator indicator : pack.indicators().stream().sorted(Comparator.comparing(Indicator::id)).toList()) {
            List<PublicValue> shown = new ArrayList<>(smallCells.protect(byIndicator.getOrDefault(indicator.id(), List.of())));
            shown.sort(ORDER);
            Map<ReleaseStore.Key, ReleaseStore.Prior> prior = store.published(connection, indicator.id());
            List<ReleasedValue> changes = new ArrayList<>();
            Map<ReleaseStore.Key, Integer> firstReleases = new HashMap<>();
            for (PublicValue value : shown) {
                ReleasedValue now = new ReleasedValue(number, value.indicator(), value.orgUnit(), value.period(), value.disaggregation(), null,
                        value.value(), value.records(), value.synthetic(), value.flagged(), value.suppressed(), number, null);
                digest.update(line(now).getBytes(StandardCharsets.UTF_8));
                values++;
                ReleaseStore.Key key = new ReleaseStore.Key(value.indicator(), value.orgUnit(), value.period(), value.disaggregation());
                ReleaseStore.Prior before = prior.remove(key);
                if (before == null) {
                    changes.add(with(now, ReleasedValue.ADDED));
                    added++;
                } else if (!before.value().sameAs(now)) {
                    changes.add(with(now, ReleasedValue.REVISED));
                    firstReleases.put(key, before.firstRelease());
                    revised++;
                }
            }
            for (ReleaseStore.Prior gone : prior.values()) {
                ReleasedValue v = gone.value();
                changes.add(new ReleasedValue(number, v.indicator(), v.orgUnit(), v.period(), v.disaggregation(), ReleasedValue.WITHDRAWN,
                        null, null, false, false, false, v.firstRelease(), null));
                withdrawn++;
            }
            long write = System.nanoTime();
            store.write(connection, number, changes, firstReleases);
            writing += System.nanoTime() - write;
        }
        LOG.info("release {}: values computed from approved records in {} ms, protected and compared in {} ms, changes written in {} ms",
                number, (computed - started) / 1_000_000, (System.nanoTime() - computed - writing) / 1_000_000, writing / 1_000_000);
        if (number > 1 && added + revised + withdrawn == 0) {
            Release last = store.release(connection, number - 1).orElseThrow();
            return Outcome.failed(new Failure(Failure.Kind.CONFLICT, "nothing changed since release " + last.number() + " of "
                    + last.publishedAt().truncatedTo(ChronoUnit.SECONDS) + ": no approved data was added or revised, so no release was made"));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Release release = new Release(number, now, actor.name(), note, values, added, revised, withdrawn,
                approvedSubmissions, HexFormat.of().formatHex(digest.digest()));
        store.insert(connection, release);
        return Outcome.ok(release);
    }

    private static AuditEvent event(Actor actor, Release release) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("number", release.number());
        after.put("published_at", release.publishedAt().toString());
        after.put("values", release.values());
        after.put("added", release.added());
        after.put("revised", release.revised());
        after.put("withdrawn", release.withdrawn());
        after.put("submissions", release.submissions());
        after.put("content_sha256", release.contentSha256());
        after.put("role", actor.role() == null ? "operator" : actor.role().code());
        if (release.note() != null) {
            after.put("note", release.note());
        }
        return AuditEvent.of(actor.name(), "release.publish", "release:" + release.number(), null, after);
    }

    private static ReleasedValue with(ReleasedValue value, String change) {
        return new ReleasedValue(value.release(), value.indicator(), value.orgUnit(), value.period(), value.disaggregation(), change,
                value.value(), value.records(), value.synthetic(), value.flagged(), value.suppressed(), value.firstRelease(), null);
    }

    /** One value's line of the content digest. */
    static String line(ReleasedValue v) {
        return v.indicator() + '\t' + v.orgUnit() + '\t' + v.period() + '\t' + v.disaggregation() + '\t'
                + (v.value() == null ? "" : Double.toString(v.value())) + '\t' + (v.records() == null ? "" : v.records().toString()) + '\t'
                + v.synthetic() + '\t' + v.flagged() + '\t' + v.suppressed() + '\n';
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
