package org.a4p.indicators;

import static org.a4p.support.Fixtures.accepted;
import static org.a4p.support.Fixtures.amount;
import static org.a4p.support.Fixtures.value;
import static org.a4p.support.Fixtures.csv;
import static org.a4p.support.Fixtures.importFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.a4p.app.App;
import org.a4p.ingest.ImportFile;
import org.a4p.ingest.ImportOutcome;
import org.a4p.ingest.ImportRequest;
import org.a4p.ingest.Progress;
import org.a4p.orgunit.OrgUnits;
import org.a4p.support.Fixtures;
import org.a4p.testing.Databases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The P1, P2, P6 and WPS participation indicators computed by hand on small fixtures and compared
 * with the stored values, on H2 and on PostgreSQL; the hand computations are in the comments
 * beside each check. Also: the demo generator of these record types makes files that import and
 * come out the same for the same seed.
 */
class PoliticalAndCommunicationsIndicatorsTest {
    private static final double EPS = 1e-9;

    @TempDir
    Path folder;

    private App load(String url) throws Exception {
        App app = Fixtures.app(url);
        // Milestones, placed in time by set_on. Settled with a due date: M1 on time, M2 late, M3 delayed
        // (never achieved), M6 abandoned, M7 on its due date. M4 has no due date; M5 is still on track.
        accepted(importFiles(app, "political_milestone", false, csv(folder, "milestones.csv",
                "milestone_id,set_on,mission,strategy,milestone,partners,due_on,status,achieved_on",
                "M1,2020-01-15,MINUSCA,APPR 2019,Prefectural committees installed,AU,2020-06-30,achieved,2020-06-10",
                "M2,2020-02-01,MINUSCA,APPR 2019,Electoral calendar adopted,ECCAS,2020-09-30,achieved,2020-11-15",
                "M3,2020-03-01,MINUSCA,APPR 2019,DDR programme launched,none,2020-12-31,delayed,",
                "M4,2020-04-01,MINUSCA,APPR 2019,Follow-up committee meets,AU,,achieved,2020-08-01",
                "M5,2020-05-01,MINUSCA,APPR 2019,Local peace agreement signed,none,2021-06-30,on_track,",
                "M6,2020-07-01,UNMISS,R-ARCSS,Unified forces graduated,IGAD,2020-10-31,abandoned,",
                "M7,2020-08-01,UNMISS,R-ARCSS,State governors appointed,IGAD,2020-12-31,achieved,2020-12-31")));
        // Engagements: E3's women were not counted.
        accepted(importFiles(app, "engagement", false, csv(folder, "engagements.csv",
                "engagement_id,held_on,mission,level,type,partners,participants,women_participants,women_led_organisations",
                "E1,2020-01-10,MINUSCA,national,dialogue,AU,40,10,true",
                "E2,2020-02-10,MINUSCA,local,consultation,none,60,30,false",
                "E3,2020-03-10,MINUSCA,national,mediation,none,20,,false",
                "E4,2020-04-10,MINUSCA,regional,convening,ECCAS,100,20,true",
                "E5,2020-05-10,UNMISS,international,convening,IGAD,50,5,false")));
        // Planning products: P3 was not reviewed for gender data, P4 not for performance data.
        accepted(importFiles(app, "planning_product", false, csv(folder, "products.csv",
                "product_id,issued_on,mission,type,joint,uses_gender_data,uses_performance_data",
                "P1,2020-01-31,MINUSCA,cpas_assessment,true,true,true",
                "P2,2020-03-31,MINUSCA,budget,false,false,true",
                "P3,2020-06-30,MINUSCA,sc_report,true,,false",
                "P4,2020-09-30,MINUSCA,sc_report,false,true,",
                "P5,2020-10-15,UNMISS,mission_concept,true,false,false")));
        // Communications outputs: C4's audience was not estimated.
        accepted(importFiles(app, "comms_output", false, csv(folder, "outputs.csv",
                "output_id,published_on,mission,type,language,audience_reached,addresses_disinformation",
                "C1,2020-01-05,MINUSCA,radio_programme,sg,200000,true",
                "C2,2020-01-20,MINUSCA,social_media,fr,15000,false",
                "C3,2020-02-03,MINUSCA,community_outreach,sg,300,true",
                "C4,2020-02-15,MINUSCA,press,en,,false",
                "C5,2020-03-01,UNMISS,radio_programme,en,500000,true")));
        return app;
    }



    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void politicalMilestonesOnTimeAndWithPartners(String url) throws Exception {
        try (App app = load(url)) {
            // On time over settled milestones with a due date: MINUSCA M1 of M1, M2, M3 (M4 has no due
            // date, M5 is on track); UNMISS M7 (achieved on its due date) of M6, M7; PKO M1, M7 of five.
            assertThat(amount(app, "P1.MILESTONES_ON_TIME", "MINUSCA", "2020")).isCloseTo(100.0 / 3, within(EPS));
            assertThat(amount(app, "P1.MILESTONES_ON_TIME", "UNMISS", "2020")).isEqualTo(50);
            assertThat(amount(app, "P1.MILESTONES_ON_TIME", "PKO", "2020")).isEqualTo(40);
            assertThat(value(app, "P1.MILESTONES_ON_TIME", "PKO", "2020", "").records()).isEqualTo(5);
            assertThat(amount(app, "P1.MILESTONES_ON_TIME", "MINUSCA", "2020-Q1")).isCloseTo(100.0 / 3, within(EPS)); // M1 of M1-M3
            // 2020-Q2 holds only M4 (no due date) and M5 (not settled): a share of nothing, no value.
            assertThat(amount(app, "P1.MILESTONES_ON_TIME", "MINUSCA", "2020-Q2")).isNull();
            // partners=AU: M1 (on time) and M4 (no due date, left out): 1 of 1.
            assertThat(value(app, "P1.MILESTONES_ON_TIME", "PKO", "2020", "partners=AU").value()).isEqualTo(100);
            // partners=none: M3 (delayed) and M5 (not settled): 0 of 1.
            assertThat(value(app, "P1.MILESTONES_ON_TIME", "MINUSCA", "2020", "partners=none").value()).isEqualTo(0);

            // With partners: MINUSCA M1, M2, M4 of five (M3, M5 none) = 60; UNMISS 2 of 2; PKO 5 of 7.
            assertThat(amount(app, "P1.MILESTONES_WITH_PARTNERS", "MINUSCA", "2020")).isEqualTo(60);
            assertThat(amount(app, "P1.MILESTONES_WITH_PARTNERS", "UNMISS", "2020")).isEqualTo(100);
            assertThat(amount(app, "P1.MILESTONES_WITH_PARTNERS", "PKO", "2020")).isCloseTo(500.0 / 7, within(EPS));
            assertThat(amount(app, "P1.MILESTONES_WITH_PARTNERS", "MINUSCA", "2020-Q2")).isEqualTo(50); // M4 of M4, M5
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void engagementsWithPartnersAndConvenings(String url) throws Exception {
        try (App app = load(url)) {
            // With partners: MINUSCA E1 (AU), E4 (ECCAS) of E1-E4 = 50; PKO adds E5 (IGAD): 3 of 5 = 60.
            assertThat(amount(app, "P1.ENGAGEMENTS_WITH_PARTNERS", "MINUSCA", "2020")).isEqualTo(50);
            assertThat(amount(app, "P1.ENGAGEMENTS_WITH_PARTNERS", "PKO", "2020")).isEqualTo(60);
            assertThat(amount(app, "P1.ENGAGEMENTS_WITH_PARTNERS", "MINUSCA", "2020-02")).isEqualTo(0); // E2 alone, none
            assertThat(value(app, "P1.ENGAGEMENTS_WITH_PARTNERS", "PKO", "2020", "level=national").value()).isEqualTo(50); // E1 of E1, E3

            // Convenings and mediations: MINUSCA E3 (mediation), E4 (convening) = 2; PKO adds E5 = 3.
            assertThat(amount(app, "P1.CONVENINGS", "MINUSCA", "2020")).isEqualTo(2);
            assertThat(amount(app, "P1.CONVENINGS", "PKO", "2020")).isEqualTo(3);
            assertThat(amount(app, "P1.CONVENINGS", "MINUSCA", "2020-Q1")).isEqualTo(1); // E3
            assertThat(value(app, "P1.CONVENINGS", "PKO", "2020", "partners=none").value()).isEqualTo(1); // E3
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void jointPlanningWithGenderAndPerformanceData(String url) throws Exception {
        try (App app = load(url)) {
            // Joint: MINUSCA P1, P3 of P1-P4 = 50; PKO adds P5 (joint): 3 of 5 = 60.
            assertThat(amount(app, "P2.JOINT_PLANNING_SHARE", "MINUSCA", "2020")).isEqualTo(50);
            assertThat(amount(app, "P2.JOINT_PLANNING_SHARE", "PKO", "2020")).isEqualTo(60);
            assertThat(value(app, "P2.JOINT_PLANNING_SHARE", "PKO", "2020", "type=sc_report").value()).isEqualTo(50); // P3 of P3, P4

            // Gender data over reviewed products: MINUSCA P1, P4 of P1, P2, P4 (P3 not reviewed);
            // PKO adds P5 (false): 2 of 4.
            assertThat(amount(app, "P2.GENDER_DATA_IN_PLANNING", "MINUSCA", "2020")).isCloseTo(200.0 / 3, within(EPS));
            assertThat(amount(app, "P2.GENDER_DATA_IN_PLANNING", "PKO", "2020")).isEqualTo(50);
            // 2020-Q2 holds only P3, not reviewed for gender data: no value.
            assertThat(amount(app, "P2.GENDER_DATA_IN_PLANNING", "MINUSCA", "2020-Q2")).isNull();

            // Performance data over reviewed products: MINUSCA P1, P2 of P1-P3 (P4 not reviewed);
            // PKO adds P5 (false): 2 of 4.
            assertThat(amount(app, "P2.PERFORMANCE_DATA_IN_PLANNING", "MINUSCA", "2020")).isCloseTo(200.0 / 3, within(EPS));
            assertThat(amount(app, "P2.PERFORMANCE_DATA_IN_PLANNING", "PKO", "2020")).isEqualTo(50);
            assertThat(amount(app, "P2.PERFORMANCE_DATA_IN_PLANNING", "MINUSCA", "2020-Q3")).isNull(); // P4 alone, not reviewed

            // Joint among CPAS assessments and Security Council reports: MINUSCA P1, P3 of P1, P3, P4;
            // UNMISS has only a mission concept: no value.
            assertThat(amount(app, "P2.JOINT_REPORTING_SHARE", "MINUSCA", "2020")).isCloseTo(200.0 / 3, within(EPS));
            assertThat(amount(app, "P2.JOINT_REPORTING_SHARE", "UNMISS", "2020")).isNull();
            assertThat(amount(app, "P2.JOINT_REPORTING_SHARE", "PKO", "2020")).isCloseTo(200.0 / 3, within(EPS));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void communicationsAudiencesDisinformationAndLanguages(String url) throws Exception {
        try (App app = load(url)) {
            // Audience: MINUSCA 200000 + 15000 + 300 (C4 not estimated); PKO adds 500000.
            assertThat(amount(app, "P6.AUDIENCE_REACHED", "MINUSCA", "2020")).isEqualTo(215_300);
            assertThat(amount(app, "P6.AUDIENCE_REACHED", "MINUSCA", "2020-01")).isEqualTo(215_000); // C1, C2
            assertThat(amount(app, "P6.AUDIENCE_REACHED", "PKO", "2020")).isEqualTo(715_300);
            assertThat(value(app, "P6.AUDIENCE_REACHED", "MINUSCA", "2020", "").records()).isEqualTo(3);
            assertThat(value(app, "P6.AUDIENCE_REACHED", "PKO", "2020", "type=radio_programme").value()).isEqualTo(700_000);
            // Only C4, whose audience was not estimated: no value.
            assertThat(value(app, "P6.AUDIENCE_REACHED", "MINUSCA", "2020", "type=press").value()).isNull();

            // On disinformation: MINUSCA C1, C3 of four = 50; PKO adds C5: 3 of 5 = 60.
            assertThat(amount(app, "P6.OUTPUTS_ON_DISINFORMATION", "MINUSCA", "2020")).isEqualTo(50);
            assertThat(amount(app, "P6.OUTPUTS_ON_DISINFORMATION", "PKO", "2020")).isEqualTo(60);
            assertThat(amount(app, "P6.OUTPUTS_ON_DISINFORMATION", "MINUSCA", "2020-02")).isEqualTo(50); // C3 of C3, C4

            // Outputs: MINUSCA four, PKO five, two of them radio programmes.
            assertThat(amount(app, "P6.COMMS_OUTPUTS", "MINUSCA", "2020")).isEqualTo(4);
            assertThat(amount(app, "P6.COMMS_OUTPUTS", "PKO", "2020")).isEqualTo(5);
            assertThat(value(app, "P6.COMMS_OUTPUTS", "PKO", "2020", "type=radio_programme").value()).isEqualTo(2);
            assertThat(value(app, "P6.COMMS_OUTPUTS", "MINUSCA", "2020", "language=sg").value()).isEqualTo(2); // C1, C3

            // Local languages: MINUSCA C1, C3 (Sango) of four = 50; UNMISS C5 in English: 0; PKO 2 of 5.
            assertThat(amount(app, "P6.LOCAL_LANGUAGE_OUTPUTS", "MINUSCA", "2020")).isEqualTo(50);
            assertThat(amount(app, "P6.LOCAL_LANGUAGE_OUTPUTS", "UNMISS", "2020")).isEqualTo(0);
            assertThat(amount(app, "P6.LOCAL_LANGUAGE_OUTPUTS", "PKO", "2020")).isEqualTo(40);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void womensParticipationInEngagements(String url) throws Exception {
        try (App app = load(url)) {
            // Women over participants where counted: MINUSCA (10 + 30 + 20) / (40 + 60 + 100) = 30 (E3
            // not counted, left out of both); PKO adds E5: 65 / 250 = 26.
            assertThat(amount(app, "WPS.WOMEN_PARTICIPANTS_SHARE", "MINUSCA", "2020")).isEqualTo(30);
            assertThat(amount(app, "WPS.WOMEN_PARTICIPANTS_SHARE", "PKO", "2020")).isEqualTo(26);
            assertThat(amount(app, "WPS.WOMEN_PARTICIPANTS_SHARE", "MINUSCA", "2020-Q1")).isEqualTo(40); // (10 + 30) / (40 + 60)
            assertThat(amount(app, "WPS.WOMEN_PARTICIPANTS_SHARE", "MINUSCA", "2020-03")).isNull(); // E3 alone, not counted
            assertThat(value(app, "WPS.WOMEN_PARTICIPANTS_SHARE", "PKO", "2020", "level=national").value()).isEqualTo(25); // E1: 10 / 40

            // National, regional and international dialogue and mediation: MINUSCA E1 (10 / 40), E3 not
            // counted = 25; UNMISS has only a convening: no value.
            assertThat(amount(app, "WPS.WOMEN_IN_POLITICAL_PROCESSES", "MINUSCA", "2020")).isEqualTo(25);
            assertThat(amount(app, "WPS.WOMEN_IN_POLITICAL_PROCESSES", "UNMISS", "2020")).isNull();
            assertThat(amount(app, "WPS.WOMEN_IN_POLITICAL_PROCESSES", "PKO", "2020")).isEqualTo(25);

            // Women-led organisations: MINUSCA E1, E4 of four = 50; PKO 2 of 5 = 40.
            assertThat(amount(app, "WPS.WOMEN_LED_ORGANISATIONS_ENGAGED", "MINUSCA", "2020")).isEqualTo(50);
            assertThat(amount(app, "WPS.WOMEN_LED_ORGANISATIONS_ENGAGED", "PKO", "2020")).isEqualTo(40);
            assertThat(value(app, "WPS.WOMEN_LED_ORGANISATIONS_ENGAGED", "PKO", "2020", "level=local").value()).isEqualTo(0); // E2
        }
    }

    /** The generator is package-private in org.a4p.demo; reached by reflection from here. */
    @SuppressWarnings("unchecked")
    private static Map<String, ImportFile> generate(OrgUnits orgUnits, long seed) throws Exception {
        Class<?> type = Class.forName("org.a4p.demo.PoliticalAndCommunicationsRecords");
        Constructor<?> constructor = type.getDeclaredConstructor(OrgUnits.class, long.class);
        constructor.setAccessible(true);
        Method files = type.getDeclaredMethod("files");
        files.setAccessible(true);
        return (Map<String, ImportFile>) files.invoke(constructor.newInstance(orgUnits, seed));
    }

    private static byte[] bytes(ImportFile file) throws Exception {
        try (InputStream in = file.opener().open()) {
            return in.readAllBytes();
        }
    }

    @Test
    void generatedFilesImportAndTheSameSeedGivesTheSameBytes() throws Exception {
        OrgUnits orgUnits = Fixtures.pack().orgUnits();
        Map<String, ImportFile> first = generate(orgUnits, 20210301L);
        Map<String, ImportFile> second = generate(orgUnits, 20210301L);
        assertThat(first.keySet()).containsExactly("political_milestone", "engagement", "planning_product", "comms_output");
        for (String type : first.keySet()) {
            assertThat(first.get(type).name()).startsWith("synthetic-");
            assertThat(bytes(second.get(type))).as(type).isEqualTo(bytes(first.get(type)));
        }
        assertThat(bytes(generate(orgUnits, 7L).get("engagement"))).isNotEqualTo(bytes(first.get("engagement")));

        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> rejected = new ArrayList<>();
        try (App app = Fixtures.app(Databases.h2Url("generated"))) {
            for (Map.Entry<String, ImportFile> e : first.entrySet()) {
                ImportOutcome outcome = app.importer().run(
                        new ImportRequest(e.getKey(), null, List.of(e.getValue()), true, true, "test"), Progress.NONE);
                if (outcome instanceof ImportOutcome.Rejected r) {
                    rejected.add(e.getKey() + ": " + r.errorCount() + " errors, first "
                            + r.errors().stream().limit(5).map(i -> i.message()).toList());
                    continue;
                }
                counts.put(e.getKey(), Fixtures.count(app, "SELECT COUNT(*) FROM rec_" + e.getKey()));
            }
            assertThat(rejected).isEmpty();
            System.out.println("[PoliticalAndCommunicationsIndicatorsTest] generated records: " + counts);
            assertThat(counts).hasSize(4).allSatisfy((type, n) -> assertThat(n).as(type).isPositive());
            // Every active mission, every year.
            for (String type : first.keySet()) {
                String table = "rec_" + type;
                String date = app.pack().recordType(type).orElseThrow().dateField();
                assertThat(Fixtures.count(app, "SELECT COUNT(DISTINCT EXTRACT(YEAR FROM \"" + date + "\")) FROM " + table))
                        .as(type).isEqualTo(8);
                assertThat(Fixtures.count(app, "SELECT COUNT(DISTINCT \"mission\") FROM " + table)).as(type).isEqualTo(17);
            }
            // The trends move the headline indicators the right way between 2017 and 2024.
            assertThat(amount(app, "P2.JOINT_PLANNING_SHARE", "PKO", "2024")).isGreaterThan(amount(app, "P2.JOINT_PLANNING_SHARE", "PKO", "2017"));
            assertThat(amount(app, "WPS.WOMEN_PARTICIPANTS_SHARE", "PKO", "2024"))
                    .isGreaterThan(amount(app, "WPS.WOMEN_PARTICIPANTS_SHARE", "PKO", "2017"));
            assertThat(amount(app, "P1.MILESTONES_ON_TIME", "PKO", "2022")).isGreaterThan(amount(app, "P1.MILESTONES_ON_TIME", "PKO", "2017"));
        }
    }
}
