package org.a4p.release;

import static org.a4p.support.Fixtures.accepted;
import static org.a4p.support.Fixtures.csv;
import static org.a4p.support.Fixtures.importFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.a4p.access.Role;
import org.a4p.app.App;
import org.a4p.app.Failure;
import org.a4p.app.Outcome;
import org.a4p.audit.AuditEntry;
import org.a4p.audit.QueryAudit;
import org.a4p.audit.VerifyAudit;
import org.a4p.disclosure.Caller;
import org.a4p.disclosure.PublicValue;
import org.a4p.disclosure.ReadValues;
import org.a4p.indicators.QueryValues;
import org.a4p.ingest.ImportOutcome;
import org.a4p.support.Fixtures;
import org.a4p.testing.Databases;
import org.a4p.workflow.Actor;
import org.a4p.workflow.ChangeSubmissionStatus;
import org.a4p.workflow.Step;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Releases on H2 and PostgreSQL: a release holds approved data only, is never changed by later
 * imports, approvals or releases, and a later release lists what it added, revised and withdrew;
 * each value's history names the release that first published it and those that changed it.
 *
 * <p>The fixture: 6 malicious-act deaths in MONUSCO in March 2020 (not a small cell: the
 * threshold is 5), imported as the whole dataset and approved.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
class ReleasesTest {
    static final String HEADER = "casualty_id,incident_date,mission,personnel_type,incident_type,gender";
    static final String INDICATOR = "P4.FATALITIES_MALICIOUS";
    static final Actor ANALYST = Actor.operator("analyst");

    @Parameter
    String url;

    App app;
    Path folder;

    /** A fresh database of the parameter's kind for each test: releases are numbered from 1. */
    @BeforeEach
    void open() throws Exception {
        app = Fixtures.app(url.startsWith("jdbc:h2:") ? Databases.h2Url("releases") : Databases.postgresUrl());
        folder = Files.createTempDirectory("releases");
    }

    @AfterEach
    void close() {
        app.close();
    }

    private ImportOutcome.Accepted importDeaths(String name, int malicious, int accidents) throws Exception {
        StringBuilder rows = new StringBuilder(HEADER);
        for (int i = 1; i <= malicious + accidents; i++) {
            rows.append("\nD").append(i).append(",2020-03-1").append(i % 10).append(",MONUSCO,military,")
                    .append(i <= malicious ? "malicious_act" : "accident").append(",M");
        }
        return accepted(importFiles(app, "fatality", true, csv(folder, name, rows.toString())));
    }

    private void approve(long id) {
        app.workflow().run(new ChangeSubmissionStatus.Request(id, Step.APPROVE, ANALYST, null)).orElseThrow(f -> new IllegalStateException(f.message()));
    }

    private Release publish(String note) {
        return app.publishRelease().run(new PublishRelease.Request(ANALYST, note)).orElseThrow(f -> new IllegalStateException(f.message()));
    }

    private Double published(String orgUnit, String period) {
        List<PublicValue> values = new ReadValues(app.pack(), app.database()).run(Caller.anonymous(),
                new QueryValues.Request(INDICATOR, orgUnit, period, null, true)).orElseThrow(f -> new IllegalStateException(f.message()));
        return values.isEmpty() ? null : values.get(0).value();
    }

    private static List<ReleasedValue> ok(Outcome<List<ReleasedValue>> outcome) {
        return outcome.orElseThrow(f -> new IllegalStateException(f.message()));
    }

    @Test
    void aReleaseHoldsApprovedDataOnlyAndIsUnchangedByWhatComesAfter() throws Exception {
        long first = importDeaths("deaths-1.csv", 6, 0).submissions().get(0).id();
        assertThat(app.publishRelease().run(new PublishRelease.Request(ANALYST, null)))
                .as("nothing approved yet").isInstanceOf(Outcome.Failed.class);
        approve(first);
        Release one = publish("first");
        assertThat(one.number()).isEqualTo(1);
        assertThat(published("MONUSCO", "2020-03")).isEqualTo(6.0);
        List<ReleasedValue> asPublished = ok(app.releases().asOf(1, null));
        assertThat(asPublished).hasSize(one.values());

        // The UN revises one death to an accident: submitted, not yet approved, so the public still sees 6.
        app.workflow().run(new ChangeSubmissionStatus.Request(first, Step.REOPEN, ANALYST, "the UN revised a record")).orElseThrow(
                f -> new IllegalStateException(f.message()));
        long second = importDeaths("deaths-2.csv", 5, 1).submissions().get(0).id();
        assertThat(app.publishRelease().run(new PublishRelease.Request(ANALYST, null))).as("the revision is not approved")
                .isInstanceOf(Outcome.Failed.class);
        assertThat(published("MONUSCO", "2020-03")).isEqualTo(6.0);

        approve(second);
        Release two = publish("revised");
        assertThat(two.number()).isEqualTo(2);
        assertThat(published("MONUSCO", "2020-03")).isEqualTo(5.0);
        // Release 1 as it was published: the same values (release 2 only closed the versions it revised), the same digest.
        assertThat(ok(app.releases().asOf(1, null))).usingRecursiveFieldByFieldElementComparatorIgnoringFields("supersededIn")
                .isEqualTo(asPublished);
        assertThat(digest(ok(app.releases().asOf(1, null)))).isEqualTo(one.contentSha256());
        assertThat(two.revised()).isPositive();
        assertThat(two.added()).as("the accident's values are new").isPositive();

        ReadReleases.Changes changes = app.releases().changes(2, ReleasedValue.REVISED, 1000).orElseThrow(f -> new IllegalStateException(f.message()));
        assertThat(changes.changes()).extracting(ReleasedValue::indicator, ReleasedValue::orgUnit, ReleasedValue::period, ReleasedValue::value)
                .contains(org.assertj.core.groups.Tuple.tuple(INDICATOR, "MONUSCO", "2020-03", 5.0));
        List<ReleasedValue> history = app.releases().history(INDICATOR, "MONUSCO", "2020-03", "");
        assertThat(history).extracting(ReleasedValue::release, ReleasedValue::change, ReleasedValue::value, ReleasedValue::firstRelease)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, ReleasedValue.ADDED, 6.0, 1),
                        org.assertj.core.groups.Tuple.tuple(2, ReleasedValue.REVISED, 5.0, 1));
        PublicValue now = new ReadValues(app.pack(), app.database()).run(Caller.of(Role.DELEGATE),
                new QueryValues.Request(INDICATOR, "MONUSCO", "2020-03", null, true)).orElseThrow(f -> new IllegalStateException(f.message())).get(0);
        assertThat(List.of(now.firstRelease(), now.lastRevised())).containsExactly(1, 2);
    }

    @Test
    void aValueNoLongerInTheApprovedDataIsWithdrawnAndItsHistorySaysSo() throws Exception {
        long first = importDeaths("deaths-1.csv", 6, 1).submissions().get(0).id();
        approve(first);
        publish(null);
        app.workflow().run(new ChangeSubmissionStatus.Request(first, Step.REOPEN, ANALYST, "the accident was recorded in error"))
                .orElseThrow(f -> new IllegalStateException(f.message()));
        long second = importDeaths("deaths-2.csv", 6, 0).submissions().get(0).id(); // the whole dataset, without the accident: retired
        approve(second);
        Release two = publish(null);
        assertThat(two.withdrawn()).isPositive();
        List<ReleasedValue> withdrawn = app.releases().changes(2, ReleasedValue.WITHDRAWN, 1000).orElseThrow(f -> new IllegalStateException(f.message()))
                .changes();
        assertThat(withdrawn).hasSize(two.withdrawn()).allSatisfy(v -> assertThat(v.value()).isNull());
        assertThat(withdrawn).extracting(ReleasedValue::indicator).contains("P4.FATALITIES_ALL");
        ReleasedValue gone = withdrawn.stream().filter(v -> v.indicator().equals("P4.FATALITIES_ALL") && v.orgUnit().equals("MONUSCO")
                && v.period().equals("2020-03") && v.disaggregation().equals("incident_type=accident")).findFirst().orElseThrow();
        assertThat(app.releases().history(gone.indicator(), gone.orgUnit(), gone.period(), gone.disaggregation()))
                .extracting(ReleasedValue::release, ReleasedValue::change).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, ReleasedValue.ADDED), org.assertj.core.groups.Tuple.tuple(2, ReleasedValue.WITHDRAWN));
        assertThat(ok(app.releases().asOf(1, "P4.FATALITIES_ALL"))).extracting(ReleasedValue::disaggregation).contains("incident_type=accident");
        assertThat(ok(app.releases().asOf(2, "P4.FATALITIES_ALL"))).extracting(ReleasedValue::disaggregation).doesNotContain("incident_type=accident");
    }

    @Test
    void theContentDigestIsTheSha256OfTheValuesAsPublishedInCanonicalOrder() throws Exception {
        approve(importDeaths("deaths-1.csv", 6, 2).submissions().get(0).id());
        Release one = publish(null);
        assertThat(digest(ok(app.releases().asOf(1, null)))).isEqualTo(one.contentSha256());
    }

    /** asOf lists values in the canonical order: indicator, org unit, period, disaggregation. */
    private static String digest(List<ReleasedValue> values) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (ReleasedValue value : values) {
            digest.update(PublishRelease.line(value).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    @Test
    void nothingChangedMakesNoReleaseAndOnlyAnalystsPublish() throws Exception {
        approve(importDeaths("deaths-1.csv", 6, 0).submissions().get(0).id());
        publish(null);
        Outcome<Release> again = app.publishRelease().run(new PublishRelease.Request(ANALYST, null));
        assertThat(((Outcome.Failed<Release>) again).failure().kind()).isEqualTo(Failure.Kind.CONFLICT);
        assertThat(((Outcome.Failed<Release>) again).failure().message()).startsWith("nothing changed since release 1");
        for (Role role : List.of(Role.ADMIN, Role.MISSION_OFFICER, Role.DELEGATE, Role.CONDUCT_OFFICER)) {
            Outcome<Release> refused = app.publishRelease().run(new PublishRelease.Request(new Actor("someone", role, List.of()), null));
            assertThat(((Outcome.Failed<Release>) refused).failure().kind()).as("%s", role).isEqualTo(Failure.Kind.FORBIDDEN);
        }
        assertThat(app.releases().list()).hasSize(1);
    }

    @Test
    void everyStepIsOnTheAuditTrailAndTheChainVerifies() throws Exception {
        long first = importDeaths("deaths-1.csv", 6, 0).submissions().get(0).id();
        approve(first);
        publish("for the trail");
        List<AuditEntry> entries = new QueryAudit(app.database().dataSource()).run(new QueryAudit.Request(null, null, null, 100))
                .orElseThrow(f -> new IllegalStateException(f.message()));
        assertThat(entries).extracting(AuditEntry::action, AuditEntry::target).contains(
                org.assertj.core.groups.Tuple.tuple("records.import", "submission:" + first),
                org.assertj.core.groups.Tuple.tuple("submission.approve", "submission:" + first),
                org.assertj.core.groups.Tuple.tuple("release.publish", "release:1"));
        assertThat(new VerifyAudit(app.database().dataSource()).run(new VerifyAudit.Request(null))
                .orElseThrow(f -> new IllegalStateException(f.message())).intact()).isTrue();
    }
}
