package org.a4p.disclosure;

import static org.a4p.support.Fixtures.accepted;
import static org.a4p.support.Fixtures.csv;
import static org.a4p.support.Fixtures.importFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.a4p.access.Role;
import org.a4p.app.App;
import org.a4p.app.Failure;
import org.a4p.app.Json;
import org.a4p.app.Outcome;
import org.a4p.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The records view on H2 and PostgreSQL: restricted values planted in the fixtures reach only the
 * roles the pack grants them, and a mission officer reads only the records of its missions.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadRecordsTest {
    private static final String NAME = "Planted Secret Name";
    private static final String VICTIMS = "Planted Victim Identity";
    private static final String SUMMARY = "Planted Engagement Summary";
    private static final String FATALITY_FIELDS = "casualty_id,incident_date,mission,personnel_type,incident_type,gender,"
            + "nationality,alternate_nationality,name";

    @Parameter
    String url;

    App app;
    ReadRecords records;

    @BeforeParameterizedClassInvocation
    void load() throws Exception {
        app = Fixtures.app(url);
        records = new ReadRecords(app.pack(), app.database());
        Path folder = Files.createTempDirectory("read-records");
        accepted(importFiles(app, "fatality", false, csv(folder, "fatalities.csv", FATALITY_FIELDS,
                "F1,2020-03-10,MINUSCA,military,malicious_act,M,BGD,," + NAME,
                "F2,2020-04-02,UNMISS,police,accident,F,,,Other Name",
                "F3,2020-05-01,MINUSCA,military,illness,M,,,")));
        accepted(importFiles(app, "allegation", false, csv(folder, "allegations.csv",
                "allegation_id,reported_on,mission,category,personnel_category,investigation_status,victim_identities,narrative",
                "A1,2020-06-01,MINUSCA,sexual_abuse,military,preliminary_assessment," + VICTIMS + ",Planted Narrative")));
        accepted(importFiles(app, "engagement", false, csv(folder, "engagements.csv",
                "engagement_id,held_on,mission,level,type,partners,participants,women_led_organisations,summary",
                "E1,2020-02-01,MINUSCA,national,dialogue,none,40,true," + SUMMARY,
                "E2,2020-02-03,UNMISS,local,mediation,none,12,false,Other Summary")));
    }

    @AfterParameterizedClassInvocation
    void close() {
        app.close();
    }

    private ReadRecords.Page page(Caller caller, String type, String mission) {
        Outcome<ReadRecords.Page> outcome = records.run(caller, new ReadRecords.Request(type, mission, 0, 100));
        assertThat(outcome).isInstanceOf(Outcome.Ok.class);
        return ((Outcome.Ok<ReadRecords.Page>) outcome).value();
    }

    private Failure failure(Caller caller, ReadRecords.Request request) {
        Outcome<ReadRecords.Page> outcome = records.run(caller, request);
        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        return ((Outcome.Failed<ReadRecords.Page>) outcome).failure();
    }

    private static List<Object> column(ReadRecords.Page page, String field) {
        return page.records().stream().map(record -> record.get(field)).toList();
    }

    private static String json(Object value) throws Exception {
        return Json.mapper().writeValueAsString(value);
    }

    @Test
    void givesTheCasualtysNameToAMedicalOfficerOfEveryMission() {
        ReadRecords.Page page = page(Caller.of(Role.MEDICAL_OFFICER), "fatality", null);

        assertThat(page.fields()).endsWith("name");
        assertThat(column(page, "casualty_id")).containsExactly("F1", "F2", "F3"); // stored order
        assertThat(column(page, "name")).containsExactly(NAME, "Other Name", null);
        assertThat(page.records().get(0)).containsEntry("incident_date", java.time.LocalDate.of(2020, 3, 10))
                .containsEntry("nationality", "BGD");
    }

    @Test
    void withholdsTheNameFromEveryRoleNotGrantedIt() throws Exception {
        for (Role role : List.of(Role.ADMIN, Role.ANALYST, Role.CONDUCT_OFFICER)) {
            ReadRecords.Page page = page(Caller.of(role), "fatality", null);
            assertThat(page.fields()).as("%s", role).doesNotContain("name").contains("casualty_id", "nationality");
            assertThat(column(page, "casualty_id")).as("%s", role).containsExactly("F1", "F2", "F3");
            assertThat(page.records()).as("%s", role).allSatisfy(record -> assertThat(record).doesNotContainKey("name"));
            assertThat(json(page)).as("%s", role).doesNotContain(NAME);
        }
        ReadRecords.Page other = page(Caller.of(Role.MISSION_OFFICER, "UNMISS"), "fatality", null);
        assertThat(json(other)).doesNotContain(NAME).doesNotContain("Other Name");
    }

    @Test
    void givesVictimsOnlyToConductOfficers() throws Exception {
        assertThat(column(page(Caller.of(Role.CONDUCT_OFFICER), "allegation", null), "victim_identities")).containsExactly(VICTIMS);
        for (Role role : List.of(Role.ADMIN, Role.ANALYST, Role.MEDICAL_OFFICER)) {
            ReadRecords.Page page = page(Caller.of(role), "allegation", null);
            assertThat(column(page, "allegation_id")).containsExactly("A1");
            assertThat(page.fields()).as("%s", role).doesNotContain("victim_identities", "narrative");
            assertThat(json(page)).as("%s", role).doesNotContain(VICTIMS).doesNotContain("Planted Narrative");
        }
        assertThat(json(page(Caller.of(Role.MISSION_OFFICER, "MINUSCA"), "allegation", null))).doesNotContain(VICTIMS);
    }

    @Test
    void givesAMissionOfficerTheRecordsOfItsMissionsOnly() {
        assertThat(column(page(Caller.of(Role.MISSION_OFFICER, "MINUSCA"), "fatality", null), "casualty_id")).containsExactly("F1", "F3");
        assertThat(column(page(Caller.of(Role.MISSION_OFFICER, "UNMISS", "MINUSCA"), "fatality", "UNMISS"), "casualty_id"))
                .containsExactly("F2");
        assertThat(column(page(Caller.of(Role.MISSION_OFFICER, "MONUSCO"), "fatality", null), "casualty_id")).isEmpty();

        Failure refused = failure(Caller.of(Role.MISSION_OFFICER, "UNMISS"), new ReadRecords.Request("fatality", "MINUSCA", 0, 100));
        assertThat(refused).isEqualTo(new Failure(Failure.Kind.FORBIDDEN,
                "the records of MINUSCA are not yours to read: you may read those of UNMISS"));
    }

    @Test
    void givesASummaryToTheMissionOfficerOfItsMissionAlone() throws Exception {
        ReadRecords.Page own = page(Caller.of(Role.MISSION_OFFICER, "MINUSCA"), "engagement", null);
        assertThat(column(own, "engagement_id")).containsExactly("E1");
        assertThat(column(own, "summary")).containsExactly(SUMMARY);

        ReadRecords.Page other = page(Caller.of(Role.MISSION_OFFICER, "UNMISS"), "engagement", null);
        assertThat(column(other, "summary")).containsExactly("Other Summary");
        assertThat(json(other)).doesNotContain(SUMMARY);

        ReadRecords.Page analyst = page(Caller.of(Role.ANALYST), "engagement", null);
        assertThat(column(analyst, "engagement_id")).containsExactly("E1", "E2");
        assertThat(analyst.fields()).doesNotContain("summary");
        assertThat(json(analyst)).doesNotContain(SUMMARY);
    }

    @Test
    void refusesPublicReadersWithoutTellingAnyValue() {
        for (Caller caller : List.of(Caller.anonymous(), Caller.of(Role.DELEGATE))) {
            Failure refused = failure(caller, new ReadRecords.Request("fatality", "MINUSCA", 0, 100));
            assertThat(refused).isEqualTo(new Failure(Failure.Kind.FORBIDDEN, "records are not published: only published figures are"));
        }
    }

    @Test
    void refusesAnUnknownTypeMissionOrPage() {
        Caller analyst = Caller.of(Role.ANALYST);
        assertThat(failure(analyst, new ReadRecords.Request("fatalities", null, 0, 10)).message())
                .startsWith("unknown record type 'fatalities'; record types: allegation, attack_case,");
        assertThat(failure(analyst, new ReadRecords.Request("fatality", "PKO", 0, 10)))
                .isEqualTo(Failure.invalid("unknown mission 'PKO': expected the acronym of a mission of the pack"));
        assertThat(failure(analyst, new ReadRecords.Request("fatality", null, -1, 10)).kind()).isEqualTo(Failure.Kind.INVALID);
        assertThat(failure(analyst, new ReadRecords.Request("fatality", null, 0, ReadRecords.MAX_LIMIT + 1)))
                .isEqualTo(Failure.invalid("expected an offset of 0 or more and a limit from 1 to 10000, got offset 0 and limit 10001"));
    }

    @Test
    void pagesThroughTheRecordsInStoredOrder() {
        Outcome<ReadRecords.Page> second = records.run(Caller.of(Role.ANALYST), new ReadRecords.Request("fatality", null, 1, 1));
        assertThat(((Outcome.Ok<ReadRecords.Page>) second).value().records()).extracting(record -> record.get("casualty_id"))
                .containsExactly("F2");
    }

    @Test
    void leavesOutRetiredRecords() throws Exception {
        Path folder = Files.createTempDirectory("retire");
        App other = Fixtures.app(url.contains("postgresql") ? org.a4p.testing.Databases.postgresUrl()
                : org.a4p.testing.Databases.h2Url("retire"));
        try (other) {
            accepted(importFiles(other, "fatality", false, csv(folder, "all.csv", FATALITY_FIELDS,
                    "R1,2020-03-10,MINUSCA,military,accident,M,,,", "R2,2020-03-11,MINUSCA,military,accident,M,,,")));
            // A whole-dataset release without R2 retires it.
            accepted(importFiles(other, "fatality", true, csv(folder, "release.csv", FATALITY_FIELDS, "R1,2020-03-10,MINUSCA,military,accident,M,,,")));
            ReadRecords read = new ReadRecords(other.pack(), other.database());
            Outcome<ReadRecords.Page> page = read.run(Caller.of(Role.ANALYST), new ReadRecords.Request("fatality", null, 0, 10));
            assertThat(((Outcome.Ok<ReadRecords.Page>) page).value().records()).extracting(record -> record.get("casualty_id"))
                    .containsExactly("R1");
        }
    }

}
