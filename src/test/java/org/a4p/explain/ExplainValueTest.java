package org.a4p.explain;

import static org.a4p.support.Fixtures.accepted;
import static org.a4p.support.Fixtures.amount;
import static org.a4p.support.Fixtures.csv;
import static org.a4p.support.Fixtures.importFiles;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.a4p.access.Role;
import org.a4p.app.App;
import org.a4p.app.Failure;
import org.a4p.app.Json;
import org.a4p.app.Outcome;
import org.a4p.disclosure.Caller;
import org.a4p.explain.Explanation.Change;
import org.a4p.explain.Explanation.FieldChange;
import org.a4p.explain.Explanation.RecordChange;
import org.a4p.release.ReleasedValue;
import org.a4p.support.Fixtures;
import org.a4p.workflow.Actor;
import org.a4p.workflow.ChangeSubmissionStatus;
import org.a4p.workflow.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Explaining a value on H2 and PostgreSQL: a fatality file, then a whole-dataset revision that
 * recodes one casualty's incident type (and its restricted name), adds one and retires one. Each
 * submission's from and to are the values the engine stored after it; the casualties that moved the
 * value are named; a restricted value never appears; the public sees releases only.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplainValueTest {
    static final String INDICATOR = "P4.FATALITIES_MALICIOUS";
    static final String NAME = "Planted Secret Name";
    static final String RENAMED = "Planted Second Name";
    static final String HEADER = "casualty_id,incident_date,mission,personnel_type,incident_type,gender,nationality,name";

    @Parameter
    String url;

    App app;
    ExplainValue explain;
    long first;
    long revision;
    Double afterFirst;
    Double afterRevision;

    @BeforeParameterizedClassInvocation
    void load() throws Exception {
        app = Fixtures.app(url);
        explain = new ExplainValue(app.pack(), app.database());
        Path folder = Files.createTempDirectory("explain");
        first = accepted(importFiles(app, "fatality", false, csv(folder, "fatalities.csv", HEADER,
                "F1,2020-03-10,MINUSCA,military,malicious_act,M,BGD," + NAME,
                "F2,2020-04-02,MINUSCA,police,malicious_act,F,RWA,Other Name",
                "F3,2020-05-01,MINUSCA,military,malicious_act,M,NPL,Third Name",
                "F4,2020-06-01,MINUSCA,military,accident,M,EGY,Fourth Name",
                "F5,2020-07-01,UNMISS,military,malicious_act,M,IND,Fifth Name"))).submissions().get(0).id();
        afterFirst = amount(app, INDICATOR, "MINUSCA", "2020");
        Fixtures.approveAllAndPublish(app);
        Actor analyst = Actor.operator("explain-analyst");
        app.workflow().run(new ChangeSubmissionStatus.Request(first, Step.REOPEN, analyst, "the UN's next snapshot recodes a casualty"))
                .orElseThrow(f -> new IllegalStateException(f.message()));
        revision = accepted(importFiles(app, "fatality", true, csv(folder, "fatalities-next.csv", HEADER,
                "F1,2020-03-10,MINUSCA,military,accident,M,BGD," + RENAMED,
                "F2,2020-04-02,MINUSCA,police,malicious_act,F,RWA,Other Name",
                "F4,2020-06-01,MINUSCA,military,accident,M,EGY,Fourth Name",
                "F5,2020-07-01,UNMISS,military,malicious_act,F,IND,Fifth Name",
                "F6,2020-08-01,MINUSCA,military,malicious_act,M,SEN,Sixth Name"))).submissions().get(0).id();
        afterRevision = amount(app, INDICATOR, "MINUSCA", "2020");
        Fixtures.approveAllAndPublish(app);
    }

    @AfterParameterizedClassInvocation
    void close() {
        app.close();
    }

    private Explanation explained(Caller caller, String orgUnit) {
        Outcome<Explanation> outcome = explain.run(caller, new ExplainValue.Request(INDICATOR, orgUnit, "2020"));
        assertThat(outcome).isInstanceOf(Outcome.Ok.class);
        return ((Outcome.Ok<Explanation>) outcome).value();
    }

    @Test
    void listsEachSubmissionWithTheValuesTheEngineStoredAfterIt() {
        assertThat(afterFirst).isEqualTo(3.0); // F1, F2, F3
        assertThat(afterRevision).isEqualTo(2.0); // F2, F6: F1 recoded to an accident, F3 retired
        Explanation explanation = explained(Caller.of(Role.ANALYST), "MINUSCA");
        assertThat(explanation.value()).isEqualTo(afterRevision);
        assertThat(explanation.records()).isEqualTo(2L);
        assertThat(explanation.changes()).extracting(Change::submission, Change::release, Change::from, Change::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first, null, null, afterFirst),
                        org.assertj.core.groups.Tuple.tuple(revision, null, afterFirst, afterRevision));
    }

    @Test
    void namesTheRecordsThatMovedTheValueWithRestrictedFieldsByNameOnly() throws Exception {
        Explanation explanation = explained(Caller.of(Role.ANALYST), "MINUSCA");
        assertThat(explanation.changes().get(0).records()).extracting(RecordChange::key, RecordChange::change).containsExactly(
                org.assertj.core.groups.Tuple.tuple("casualty_id=F1", "added"), org.assertj.core.groups.Tuple.tuple("casualty_id=F2", "added"),
                org.assertj.core.groups.Tuple.tuple("casualty_id=F3", "added"), org.assertj.core.groups.Tuple.tuple("casualty_id=F4", "added"));
        // F5 (UNMISS) was revised too, but is not in MINUSCA: it could not move this value.
        assertThat(explanation.changes().get(1).records()).containsExactly(
                new RecordChange("casualty_id=F1", "revised", List.of(new FieldChange("incident_type", "malicious_act", "accident", false),
                        new FieldChange("name", null, null, true))),
                new RecordChange("casualty_id=F3", "retired", List.of()),
                new RecordChange("casualty_id=F6", "added", List.of()));
        String json = Json.mapper().writeValueAsString(explanation);
        assertThat(json).doesNotContain("Planted", "Other Name", "Third Name");
    }

    @Test
    void aRoleGrantedTheRestrictedFieldSeesItsValues() {
        Explanation explanation = explained(Caller.of(Role.MEDICAL_OFFICER), "MINUSCA");
        assertThat(explanation.changes().get(1).records().get(0).fields())
                .contains(new FieldChange("name", NAME, RENAMED, false));
    }

    @Test
    void aScopeIsExplainedByTheRecordsOfItsMissions() throws Exception {
        Explanation explanation = explained(Caller.of(Role.ANALYST), "PKO");
        assertThat(explanation.value()).isEqualTo(amount(app, INDICATOR, "PKO", "2020"));
        assertThat(explanation.changes()).extracting(Change::to).containsExactly(4.0, 3.0); // F5 of UNMISS counts in PKO
        assertThat(explanation.changes().get(1).records()).extracting(RecordChange::key)
                .containsExactly("casualty_id=F1", "casualty_id=F3", "casualty_id=F5", "casualty_id=F6");
    }

    @Test
    void aMissionOfficerSeesOnlyItsMissionsRecords() {
        Explanation explanation = explained(Caller.of(Role.MISSION_OFFICER, "UNMISS"), "PKO");
        assertThat(explanation.changes().get(1).records()).extracting(RecordChange::key).containsExactly("casualty_id=F5");
    }

    @Test
    void thePublicSeesReleasesOnlyWithSmallCellsStillSuppressed() {
        Explanation explanation = explained(Caller.anonymous(), "MINUSCA");
        List<ReleasedValue> history = app.releases().history(INDICATOR, "MINUSCA", "2020", "");
        // 3 then 2 deaths, below the small-cell threshold of 5: release 1 published the value suppressed,
        // and release 2 did not revise it (suppressed again is the same published figure).
        assertThat(history).extracting(ReleasedValue::release, ReleasedValue::suppressed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, true));
        assertThat(explanation.changes()).extracting(Change::submission, Change::release, Change::from, Change::to, Change::suppressed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, 1, null, null, true));
        assertThat(explanation.changes()).allSatisfy(change -> assertThat(change.records()).isEmpty());
        assertThat(explanation.value()).isNull();
        assertThat(explanation.records()).isNull();
    }

    @Test
    void writesTheJsonShapeExactly() throws Exception {
        JsonNode node = Json.mapper().readTree(Json.mapper().writeValueAsString(explained(Caller.of(Role.ANALYST), "MINUSCA")));
        assertThat(names(node)).containsExactly("indicator", "org_unit", "period", "value", "records", "changes");
        JsonNode change = node.get("changes").get(1);
        assertThat(names(change)).containsExactly("submission", "release", "at", "from", "to", "records");
        assertThat(change.get("at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(change.get("release").isNull()).isTrue();
        JsonNode record = change.get("records").get(0);
        assertThat(names(record)).containsExactly("key", "change", "fields");
        assertThat(names(record.get("fields").get(0))).containsExactly("field", "from", "to");
        assertThat(record.get("fields").get(1).get("from").isNull()).isTrue();
        assertThat(node.get("value").asDouble()).isEqualTo(afterRevision);
    }

    @Test
    void refusesAnUnknownIndicatorAndAValueNeverComputed() {
        assertThat(explain.run(Caller.of(Role.ANALYST), new ExplainValue.Request("P4.NOPE", "MINUSCA", "2020")))
                .isEqualTo(Outcome.failed(Failure.invalid(((Outcome.Failed<Explanation>) explain.run(Caller.of(Role.ANALYST),
                        new ExplainValue.Request("P4.NOPE", "MINUSCA", "2020"))).failure().message())));
        Outcome<Explanation> none = explain.run(Caller.of(Role.ANALYST), new ExplainValue.Request(INDICATOR, "MINUSCA", "2019"));
        assertThat(none).isInstanceOf(Outcome.Failed.class);
        assertThat(((Outcome.Failed<Explanation>) none).failure().kind()).isEqualTo(Failure.Kind.NO_DATA);
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
