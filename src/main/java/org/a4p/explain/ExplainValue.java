package org.a4p.explain;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.a4p.app.Failure;
import org.a4p.app.Outcome;
import org.a4p.db.Database;
import org.a4p.disclosure.Caller;
import org.a4p.disclosure.FieldAccess;
import org.a4p.disclosure.PublicValue;
import org.a4p.explain.Explanation.Change;
import org.a4p.explain.Explanation.FieldChange;
import org.a4p.explain.Explanation.RecordChange;
import org.a4p.indicators.Grain;
import org.a4p.indicators.IndicatorEngine;
import org.a4p.indicators.IndicatorValue;
import org.a4p.indicators.Period;
import org.a4p.indicators.QueryValues;
import org.a4p.indicators.ValueQuery;
import org.a4p.indicators.formula.Formula;
import org.a4p.ingest.SubmissionStore;
import org.a4p.ingest.SubmissionSummary;
import org.a4p.pack.Field;
import org.a4p.pack.Indicator;
import org.a4p.pack.Pack;
import org.a4p.pack.RecordType;
import org.a4p.records.RecordValues;
import org.a4p.records.StoreException;
import org.a4p.release.Release;
import org.a4p.release.ReleaseStore;
import org.a4p.release.ReleasedValue;

/**
 * Use case: why one value (an indicator's total for an org unit and period) is what it is, for
 * every edge, as the caller may see it.
 *
 * <p>Public callers (delegates, anonymous readers) get the value's history across releases: each
 * release that published, revised or withdrew it, from what to what, with no records; a value
 * suppressed as a small cell stays suppressed (null). Staff get every submission that moved the
 * value, computed exactly: the records behind the value are those of the formula's record types
 * with any version (current, or earlier in {@code record_history}) dated in the period and placed in
 * the org unit (its site, its mission, or its mission's scope, as the engine places them). Every
 * submission that wrote, revised or retired one of them is replayed in the order the submissions
 * were written (time written, then id); after each, those records as that submission left them
 * are put in a scratch table per type and the engine computes the value from it, with the same
 * code as the stored values. A submission whose replay leaves the value as it was is not listed.
 * Each change names the records it added, retired or revised that were in the org unit and period
 * before or after, with the fields a revision changed; a field the caller may not see ({@link
 * FieldAccess}) is named with its values withheld, and a mission-limited caller sees records of its
 * own missions only. Disaggregated values are not explained, and a staff change names no release.
 */
public final class ExplainValue {
    /** {@code orgUnit}: a scope, mission or site code; {@code period}: 2020, 2020-Q3 or 2020-07. */
    public record Request(String indicator, String orgUnit, String period) {}

    private final Pack pack;
    private final Database database;
    private final FieldAccess access = new FieldAccess();
    private final ExplainStore store;
    private final IndicatorEngine engine;

    public ExplainValue(Pack pack, Database database) {
        this.pack = pack;
        this.database = database;
        this.store = new ExplainStore(database.dialect());
        this.engine = IndicatorEngine.reading(pack, database.dialect(), ExplainStore::scratchTable);
    }

    public Outcome<Explanation> run(Caller caller, Request request) {
        if (request.indicator() == null || request.orgUnit() == null || request.period() == null) {
            return Outcome.failed(Failure.invalid("expected an indicator, an org unit and a period to explain, got indicator "
                    + request.indicator() + ", org unit " + request.orgUnit() + ", period " + request.period()));
        }
        Outcome<ValueQuery.Filter> checked = new QueryValues(pack, database)
                .filter(new QueryValues.Request(request.indicator(), request.orgUnit(), request.period(), null, true));
        if (checked instanceof Outcome.Failed<ValueQuery.Filter> failed) {
            return Outcome.failed(failed.failure());
        }
        ValueQuery.Filter filter = ((Outcome.Ok<ValueQuery.Filter>) checked).value();
        Indicator indicator = pack.indicator(request.indicator()).orElseThrow();
        try (Connection connection = database.dataSource().getConnection()) {
            Explanation explanation = caller.isPublic() ? fromReleases(connection, filter) : fromSubmissions(connection, caller, indicator, filter);
            if (explanation.value() == null && explanation.changes().isEmpty()) {
                return Outcome.failed(Failure.noData("no value of " + request.indicator() + " for " + request.orgUnit() + " in "
                        + request.period() + (caller.isPublic() ? " has been published" : " has ever been computed")));
            }
            return Outcome.ok(explanation);
        } catch (SQLException e) {
            throw new StoreException("cannot explain the value: " + e.getMessage(), e);
        }
    }

    private Explanation fromReleases(Connection connection, ValueQuery.Filter filter) throws SQLException {
        ReleaseStore releases = new ReleaseStore();
        List<PublicValue> latest = releases.published(connection, filter).stream().filter(v -> v.disaggregation().isEmpty()).toList();
        List<Change> changes = new ArrayList<>();
        Double previous = null;
        for (ReleasedValue version : releases.history(connection, filter.indicator(), filter.orgUnit(), filter.period(), "")) {
            Instant at = releases.release(connection, version.release()).map(Release::publishedAt).orElse(null);
            Double to = version.suppressed() ? null : version.value();
            changes.add(new Change(null, version.release(), at, previous, to, List.of(), null, null, version.change(), version.suppressed()));
            previous = to;
        }
        PublicValue now = latest.isEmpty() ? null : latest.get(0);
        return new Explanation(filter.indicator(), filter.orgUnit(), filter.period(), now == null ? null : now.value(),
                now == null ? null : now.records(), changes);
    }

    /** One record of one type: its id and the states submissions left it in. */
    private record Tracked(RecordType type, long id, List<RecordVersions.Event> events) {}

    private Explanation fromSubmissions(Connection connection, Caller caller, Indicator indicator, ValueQuery.Filter filter)
            throws SQLException {
        String orgUnit = filter.orgUnit();
        String period = filter.period();
        List<IndicatorValue> stored = new ValueQuery().find(connection, filter);
        IndicatorValue now = stored.isEmpty() ? null : stored.get(0);
        List<RecordType> types = Formula.parse(indicator.formula()).recordTypes().stream()
                .map(id -> pack.recordType(id).orElseThrow()).toList();
        List<Tracked> tracked = new ArrayList<>();
        for (RecordType type : types) {
            tracked.addAll(tracked(connection, type, orgUnit, period));
        }
        Map<Long, SubmissionSummary> submissions = new HashMap<>();
        SubmissionStore submissionStore = new SubmissionStore();
        for (Tracked record : tracked) {
            for (RecordVersions.Event event : record.events()) {
                if (!submissions.containsKey(event.submission())) {
                    submissions.put(event.submission(), submissionStore.find(connection, event.submission()).orElse(null));
                }
            }
        }
        List<Long> order = submissions.keySet().stream().sorted(Comparator
                .comparing((Long id) -> submissions.get(id) == null ? Instant.MIN : submissions.get(id).submittedAt())
                .thenComparing(id -> id)).toList();
        Map<Long, Integer> rank = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            rank.put(order.get(i), i);
        }
        List<Change> changes = new ArrayList<>();
        int year = Period.yearOf(period);
        try {
            for (RecordType type : types) {
                store.createScratch(connection, type);
            }
            Double before = null;
            for (int i = 0; i < order.size(); i++) {
                Double after = compute(connection, indicator, types, tracked, rank, i, orgUnit, period, year);
                if (!Objects.equals(before, after)) {
                    long submission = order.get(i);
                    SubmissionSummary summary = submissions.get(submission);
                    changes.add(new Change(submission, null, summary == null ? null : summary.submittedAt(), before, after,
                            recordChanges(caller, tracked, rank, i, orgUnit, period), summary == null ? null : summary.recordType(),
                            summary == null ? null : summary.fileName(), null, false));
                }
                before = after;
            }
        } finally {
            for (RecordType type : types) {
                store.dropScratch(connection, type);
            }
        }
        return new Explanation(filter.indicator(), orgUnit, period, now == null ? null : now.value(), now == null ? 0L : now.records(),
                changes);
    }

    /** The records of a type with any version in the org unit and period, with their events. */
    private List<Tracked> tracked(Connection connection, RecordType type, String orgUnit, String period) throws SQLException {
        Map<Long, List<ExplainStore.Earlier>> earlier = store.earlier(connection, type);
        Map<Long, ExplainStore.Current> current = new TreeMap<>();
        for (ExplainStore.Current row : store.currentBetween(connection, type, start(period), Period.endOf(period).plusDays(1))) {
            if (in(type, row.version().values(), orgUnit, period)) {
                current.put(row.id(), row);
            }
        }
        Set<Long> alsoEarlier = new LinkedHashSet<>();
        earlier.forEach((id, versions) -> {
            if (!current.containsKey(id) && versions.stream().anyMatch(v -> in(type, v.version().values(), orgUnit, period))) {
                alsoEarlier.add(id);
            }
        });
        for (ExplainStore.Current row : store.current(connection, type, alsoEarlier)) {
            current.put(row.id(), row);
        }
        List<Tracked> out = new ArrayList<>();
        for (ExplainStore.Current row : current.values()) {
            List<ExplainStore.Earlier> versions = earlier.getOrDefault(row.id(), List.of());
            out.add(new Tracked(type, row.id(), RecordVersions.events(versions.stream().map(ExplainStore.Earlier::version).toList(),
                    versions.stream().map(ExplainStore.Earlier::replacedBy).toList(), row.version(), row.retiredBy())));
        }
        return out;
    }

    /** The value as the records stood after the {@code upTo}-th submission (in written order). */
    private Double compute(Connection connection, Indicator indicator, List<RecordType> types, List<Tracked> tracked, Map<Long, Integer> rank,
            int upTo, String orgUnit, String period, int year) throws SQLException {
        for (RecordType type : types) {
            Map<Long, Map<String, String>> live = new LinkedHashMap<>();
            for (Tracked record : tracked) {
                RecordVersions.Event state = stateAfter(record, rank, upTo);
                if (record.type() == type && state != null && state.live()) {
                    live.put(record.id(), state.values());
                }
            }
            store.fillScratch(connection, type, live);
        }
        for (IndicatorValue value : engine.compute(connection, List.of(indicator), year, year)) {
            if (value.orgUnit().equals(orgUnit) && value.period().equals(period) && value.disaggregation().isEmpty()) {
                return value.value();
            }
        }
        return null;
    }

    /** The record as the submissions up to the {@code upTo}-th left it; null before it existed. */
    private static RecordVersions.Event stateAfter(Tracked record, Map<Long, Integer> rank, int upTo) {
        RecordVersions.Event state = null;
        for (RecordVersions.Event event : record.events()) {
            if (rank.get(event.submission()) <= upTo) {
                state = event;
            }
        }
        return state;
    }

    /** What the {@code at}-th submission did to the records in the org unit and period, before or after. */
    private List<RecordChange> recordChanges(Caller caller, List<Tracked> tracked, Map<Long, Integer> rank, int at, String orgUnit,
            String period) {
        List<RecordChange> out = new ArrayList<>();
        for (Tracked record : tracked) {
            RecordVersions.Event before = at == 0 ? null : stateAfter(record, rank, at - 1);
            RecordVersions.Event after = stateAfter(record, rank, at);
            if (after == before) {
                continue;
            }
            RecordType type = record.type();
            boolean wasIn = before != null && before.live() && in(type, before.values(), orgUnit, period);
            boolean isIn = after != null && after.live() && in(type, after.values(), orgUnit, period);
            if (!wasIn && !isIn || !readable(caller, type, before) || !readable(caller, type, after)) {
                continue;
            }
            boolean wasLive = before != null && before.live();
            boolean isLive = after != null && after.live();
            String key = RecordValues.describeKey(type, RecordValues.key(type, RecordValues.keyIndexes(type),
                    type.fields().stream().map(f -> (Object) after.values().get(f.name())).toArray()));
            if (!wasLive) {
                out.add(new RecordChange(key, RecordChange.ADDED, List.of()));
            } else if (!isLive) {
                out.add(new RecordChange(key, RecordChange.RETIRED, List.of()));
            } else {
                List<FieldChange> fields = fieldChanges(caller, type, before.values(), after.values());
                if (!fields.isEmpty()) {
                    out.add(new RecordChange(key, RecordChange.REVISED, fields));
                }
            }
        }
        out.sort(Comparator.comparing(RecordChange::key));
        return out;
    }

    private boolean readable(Caller caller, RecordType type, RecordVersions.Event state) {
        return state == null || access.mayRead(caller, state.values().get(type.missionField()));
    }

    private List<FieldChange> fieldChanges(Caller caller, RecordType type, Map<String, String> before, Map<String, String> after) {
        Set<String> visible = new LinkedHashSet<>(access.visibleFields(caller, type).stream().map(Field::name).toList());
        List<FieldChange> out = new ArrayList<>();
        for (Field field : type.fields()) {
            String from = before.get(field.name());
            String to = after.get(field.name());
            if (!Objects.equals(from, to)) {
                boolean shown = visible.contains(field.name());
                out.add(new FieldChange(field.name(), shown ? from : null, shown ? to : null, !shown));
            }
        }
        return out;
    }

    /** Whether a version of a record is in the org unit and period, as the engine places records. */
    private boolean in(RecordType type, Map<String, String> values, String orgUnit, String period) {
        String date = values.get(type.dateField());
        String mission = values.get(type.missionField());
        if (date == null || mission == null) {
            return false;
        }
        boolean place = orgUnit.equals(mission) || orgUnit.equals(pack.orgUnits().scopeOf(mission))
                || type.siteField() != null && orgUnit.equals(values.get(type.siteField()));
        if (!place) {
            return false;
        }
        LocalDate day = LocalDate.parse(date.length() > 10 ? date.substring(0, 10) : date);
        return !day.isBefore(start(period)) && !day.isAfter(Period.endOf(period));
    }

    private static LocalDate start(String period) {
        int year = Period.yearOf(period);
        return switch (Grain.of(period)) {
            case YEAR -> LocalDate.of(year, 1, 1);
            case QUARTER -> LocalDate.of(year, (period.charAt(6) - '0' - 1) * 3 + 1, 1);
            case MONTH -> LocalDate.of(year, Integer.parseInt(period.substring(5)), 1);
        };
    }
}
