package org.a4p.workflow;

import static org.a4p.support.Fixtures.accepted;
import static org.a4p.support.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.a4p.app.App;
import org.a4p.app.Failure;
import org.a4p.app.Outcome;
import org.a4p.ingest.ImportFile;
import org.a4p.ingest.ImportOutcome;
import org.a4p.ingest.ImportRequest;
import org.a4p.ingest.Progress;
import org.a4p.ingest.SubmissionSummary;
import org.a4p.support.Fixtures;
import org.a4p.testing.Databases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Locks on H2 and PostgreSQL: an approval locks the mission-months its records fall in; an import
 * that would change a record in one (add, revise, or move a record out of it) is refused naming
 * the lock, one that changes nothing there is not; a reopening lifts that approval's locks only;
 * a draft is judged against the locks when it is submitted, not when it was drafted.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
class LocksTest {
    static final String HEADER = "casualty_id,incident_date,mission,personnel_type,incident_type,gender";
    static final Actor ANALYST = Actor.operator("analyst");

    @Parameter
    String url;

    App app;
    Path folder;

    @BeforeEach
    void open() throws Exception {
        app = Fixtures.app(url.startsWith("jdbc:h2:") ? Databases.h2Url("locks") : Databases.postgresUrl());
        folder = Files.createTempDirectory("locks");
    }

    @AfterEach
    void close() {
        app.close();
    }

    private ImportOutcome importRows(String name, boolean draft, String... rows) throws Exception {
        Path file = csv(folder, name, HEADER + "\n" + String.join("\n", rows));
        return app.importer().run(new ImportRequest("fatality", null, List.of(ImportFile.of(file)), false, false, "officer", false, draft, null),
                Progress.NONE);
    }

    private long submitted(String name, String... rows) throws Exception {
        return accepted(importRows(name, false, rows)).submissions().get(0).id();
    }

    private Outcome<SubmissionSummary> step(long id, Step step, String reason) {
        return app.workflow().run(new ChangeSubmissionStatus.Request(id, step, ANALYST, reason));
    }

    private static List<String> errors(ImportOutcome outcome) {
        assertThat(outcome).isInstanceOf(ImportOutcome.Rejected.class);
        return ((ImportOutcome.Rejected) outcome).errors().stream().map(e -> e.message()).toList();
    }

    @Test
    void anApprovalLocksItsMonthsAndARefusalNamesTheLock() throws Exception {
        long march = submitted("march.csv", "A1,2020-03-10,MINUSCA,military,malicious_act,M", "A2,2020-04-02,MINUSCA,military,accident,M");
        assertThat(step(march, Step.APPROVE, null)).isInstanceOf(Outcome.Ok.class);

        assertThat(errors(importRows("revised.csv", false, "A1,2020-03-10,MINUSCA,military,accident,M"))).singleElement().asString()
                .startsWith("revised.csv row 2, column 'mission': no change to MINUSCA 2020-03: its fatality records are locked by submission "
                        + march + ", approved by analyst on ")
                .endsWith("an analyst must reopen submission " + march + " with a reason before its months can change");
        assertThat(errors(importRows("added.csv", false, "A3,2020-04-20,MINUSCA,military,illness,F"))).singleElement().asString()
                .contains("no change to MINUSCA 2020-04");
        // Moving a record out of a locked month changes that month too.
        assertThat(errors(importRows("moved.csv", false, "A1,2020-05-10,MINUSCA,military,malicious_act,M"))).singleElement().asString()
                .contains("no change to MINUSCA 2020-03");

        // The same records again change nothing: not refused. Another mission's month is not locked.
        assertThat(importRows("same.csv", false, "A1,2020-03-10,MINUSCA,military,malicious_act,M")).isInstanceOf(ImportOutcome.Accepted.class);
        assertThat(importRows("other.csv", false, "B1,2020-03-10,UNMISS,military,accident,M")).isInstanceOf(ImportOutcome.Accepted.class);
        assertThat(Fixtures.count(app, "SELECT COUNT(*) FROM rec_fatality")).isEqualTo(3);
    }

    @Test
    void aReopeningLiftsThatApprovalsLocksOnlyAndARenewedApprovalLocksAgain() throws Exception {
        long first = submitted("first.csv", "A1,2020-03-10,MINUSCA,military,malicious_act,M");
        long second = submitted("second.csv", "A2,2020-03-12,MINUSCA,military,accident,M", "A3,2020-06-01,MINUSCA,military,accident,M");
        step(first, Step.APPROVE, null).orElseThrow(f -> new IllegalStateException(f.message()));
        step(second, Step.APPROVE, null).orElseThrow(f -> new IllegalStateException(f.message()));

        Outcome<SubmissionSummary> noReason = step(first, Step.REOPEN, "  ");
        assertThat(((Outcome.Failed<SubmissionSummary>) noReason).failure().kind()).isEqualTo(Failure.Kind.INVALID);
        SubmissionSummary reopened = step(first, Step.REOPEN, "UN revision of A1").orElseThrow(f -> new IllegalStateException(f.message()));
        assertThat(reopened.status()).isEqualTo("reopened");
        assertThat(reopened.decision().reason()).isEqualTo("UN revision of A1");
        // March is still locked by the second approval.
        assertThat(errors(importRows("a1.csv", false, "A1,2020-03-10,MINUSCA,military,accident,M"))).singleElement().asString()
                .contains("locked by submission " + second);
        step(second, Step.REOPEN, "also revised").orElseThrow(f -> new IllegalStateException(f.message()));
        long revision = accepted(importRows("a1.csv", false, "A1,2020-03-10,MINUSCA,military,accident,M")).submissions().get(0).id();
        assertThat(step(first, Step.APPROVE, null)).as("approved again: locks again").isInstanceOf(Outcome.Ok.class);
        assertThat(errors(importRows("a1-again.csv", false, "A1,2020-03-10,MINUSCA,military,illness,M"))).singleElement().asString()
                .contains("locked by submission " + first);
        assertThat(step(revision, Step.APPROVE, null)).isInstanceOf(Outcome.Ok.class);
    }

    @Test
    void aDraftCountsNowhereAndIsJudgedAgainstTheLocksWhenSubmitted() throws Exception {
        ImportOutcome.Accepted drafted = accepted(importRows("draft.csv", true, "D1,2020-03-10,MINUSCA,military,malicious_act,M"));
        SubmissionSummary draft = drafted.submissions().get(0);
        assertThat(draft.status()).isEqualTo("draft");
        assertThat(Fixtures.count(app, "SELECT COUNT(*) FROM rec_fatality")).isZero();
        assertThat(Fixtures.count(app, "SELECT COUNT(*) FROM indicator_value WHERE org_unit = 'MINUSCA' AND period = '2020-03'")).isZero();

        // Meanwhile another file of March is approved: the draft's month is now locked.
        long march = submitted("march.csv", "A1,2020-03-01,MINUSCA,military,accident,M");
        step(march, Step.APPROVE, null).orElseThrow(f -> new IllegalStateException(f.message()));
        Outcome<SubmissionSummary> refused = step(draft.id(), Step.SUBMIT, null);
        assertThat(((Outcome.Failed<SubmissionSummary>) refused).failure().message()).contains("no change to MINUSCA 2020-03");
        assertThat(app.workflow().run(new ChangeSubmissionStatus.Request(draft.id(), Step.SUBMIT, ANALYST, null)))
                .as("still a draft").isInstanceOf(Outcome.Failed.class);

        step(march, Step.REOPEN, "the draft's records belong to March").orElseThrow(f -> new IllegalStateException(f.message()));
        Actor hq = Actor.operator("hq"); // submits the officer's draft
        SubmissionSummary submitted = app.workflow().run(new ChangeSubmissionStatus.Request(draft.id(), Step.SUBMIT, hq, null))
                .orElseThrow(f -> new IllegalStateException(f.message()));
        assertThat(List.of(submitted.id(), submitted.status(), submitted.added(), submitted.decision().by()))
                .containsExactly(draft.id(), "submitted", 1, "hq");
        assertThat(submitted.submittedBy()).as("its author").isEqualTo("officer");
        assertThat(Fixtures.value(app, "P4.FATALITIES_ALL", "MINUSCA", "2020-03", "").records()).isEqualTo(2);
        assertThat(Fixtures.value(app, "P4.FATALITIES_ALL", "MINUSCA", "2020-03", "").provisional()).isTrue();
        assertThat(((Outcome.Failed<SubmissionSummary>) app.workflow().run(new ChangeSubmissionStatus.Request(draft.id(), Step.APPROVE, hq,
                null))).failure().message()).as("who submitted a draft approves it no more than its author")
                .startsWith("nobody approves their own submission");
        step(draft.id(), Step.APPROVE, null).orElseThrow(f -> new IllegalStateException(f.message()));
        assertThat(Fixtures.value(app, "P4.FATALITIES_ALL", "MINUSCA", "2020-03", "").provisional())
                .as("A1 (reopened, approved before) and D1 (approved): nothing pending").isFalse();
    }
}
