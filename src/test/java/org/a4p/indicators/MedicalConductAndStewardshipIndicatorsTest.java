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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.a4p.app.App;
import org.a4p.demo.DemoLoader;
import org.a4p.ingest.ImportFile;
import org.a4p.ingest.ImportRequest;
import org.a4p.ingest.Progress;
import org.a4p.orgunit.OrgUnit;
import org.a4p.orgunit.OrgUnits;
import org.a4p.support.Fixtures;
import org.a4p.testing.Databases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The P4 medical and camp indicators and the P5 performance, conduct-risk, civilian-harm and
 * budget indicators, each computed by hand on a small fixture (in the comments beside each check)
 * and compared with the stored values, on H2 and PostgreSQL; and the demo generator of their
 * record types.
 */
class MedicalConductAndStewardshipIndicatorsTest {
    private static final double EPSILON = 1e-9;
    private static final Set<String> SCHEDULED = Set.of("camp_assessment", "unit_evaluation", "misconduct_risk", "budget_execution");

    @TempDir
    Path folder;

    private static String minuscaSite(int index) {
        return Fixtures.pack().orgUnits().sitesOf("MINUSCA").get(index).code();
    }

    private static String unmissSite() {
        return Fixtures.pack().orgUnits().sitesOf("UNMISS").get(0).code();
    }

    private App load(String url) throws Exception {
        App app = Fixtures.app(url);
        // Minutes from injury to first aid / field care / surgery; '-' is a leg not recorded.
        accepted(importFiles(app, "casevac", false, csv(folder, "casevac.csv",
                "casevac_id,injury_date,mission,site,injured_at,first_aid_at,field_care_at,surgery_at,patient_category,evacuation_priority,patient_reference",
                // C1: 10 / 60 / 120, each leg exactly at its limit
                "C1,2021-03-01,MINUSCA," + minuscaSite(0) + ",2021-03-01T10:00,2021-03-01T10:10,2021-03-01T11:00,2021-03-01T12:00,uniformed,urgent,Patient one",
                // C2: 11 / 61 / 121, each leg one minute over
                "C2,2021-03-02,MINUSCA,,2021-03-02T10:00,2021-03-02T10:11,2021-03-02T11:01,2021-03-02T12:01,uniformed,urgent,",
                // C3: 10 across midnight / - / -
                "C3,2021-03-03,MINUSCA,,2021-03-03T23:55,2021-03-04T00:05,,,civilian_staff,priority,",
                // C4: - / 45 / 90
                "C4,2021-03-04,MINUSCA,,2021-03-04T10:00,,2021-03-04T10:45,2021-03-04T11:30,uniformed,urgent,",
                // C5: 3 / 30 / -
                "C5,2021-05-10,MINUSCA,,2021-05-10T08:00,2021-05-10T08:03,2021-05-10T08:30,,other,routine,",
                // C6: 5 / - / 180
                "C6,2021-06-01,MINUSCA,,2021-06-01T06:00,2021-06-01T06:05,,2021-06-01T09:00,uniformed,urgent,",
                // C7 (UNMISS): 20 / 50 / 100
                "C7,2021-03-05,UNMISS,,2021-03-05T12:00,2021-03-05T12:20,2021-03-05T12:50,2021-03-05T13:40,uniformed,urgent,")));
        accepted(importFiles(app, "telemedicine_consult", false, csv(folder, "telemedicine.csv",
                "consult_id,consulted_on,mission,site,consult_type,mental_health,patient_category",
                "T1,2021-01-05,MINUSCA," + minuscaSite(0) + ",live,true,uniformed",
                "T2,2021-01-20,MINUSCA,,store_and_forward,false,uniformed",
                "T3,2021-02-03,MINUSCA,,live,false,civilian_staff",
                "T4,2021-02-10,MINUSCA,,store_and_forward,true,uniformed",
                "T5,2021-02-11,MINUSCA,,live,false,",
                "T6,2021-02-01,UNMISS,,live,false,uniformed")));
        accepted(importFiles(app, "camp_assessment", false, csv(folder, "camps.csv",
                "site,mission,assessed_on,camp_type,perimeter_standard_met,gender_sensitive_facilities,risk_level",
                minuscaSite(0) + ",MINUSCA,2021-05-10,team_site,true,true,low",
                minuscaSite(1) + ",MINUSCA,2021-05-12,temporary_operating_base,false,false,high",
                minuscaSite(2) + ",MINUSCA,2021-05-15,company_operating_base,true,false,medium",
                minuscaSite(0) + ",MINUSCA,2021-11-10,team_site,true,true,low",
                unmissSite() + ",UNMISS,2021-11-20,temporary_operating_base,false,true,very_high")));
        accepted(importFiles(app, "unit_evaluation", false, csv(folder, "units.csv",
                "unit_id,evaluated_on,mission,unit_type,contributing_country,rating,remedial_plan,caveats_found",
                "MINUSCA-INF-01,2021-03-01,MINUSCA,infantry,BGD,meets,,0",
                "MINUSCA-INF-02,2021-04-01,MINUSCA,infantry,PAK,partially_meets,true,1",
                "MINUSCA-FPU-03,2021-05-01,MINUSCA,formed_police_unit,RWA,does_not_meet,false,2",
                "MINUSCA-ENG-04,2021-06-01,MINUSCA,engineering,EGY,partially_meets,,0",
                "MINUSCA-MED-05,2021-07-01,MINUSCA,medical,NPL,exceeds,,0",
                "UNMISS-INF-01,2021-03-10,UNMISS,infantry,IND,does_not_meet,true,0")));
        accepted(importFiles(app, "misconduct_risk", false, csv(folder, "risks.csv",
                "risk_id,quarter_end,mission,risk_area,likelihood,impact,mitigation_in_place,mitigation_measure,status",
                "MINUSCA-MR-01,2021-03-31,MINUSCA,sexual_exploitation_abuse,3,5,true,Out-of-bounds areas,open", // 15: high
                "MINUSCA-MR-02,2021-03-31,MINUSCA,fraud_corruption,4,4,false,,open", // 16: high
                "MINUSCA-MR-03,2021-03-31,MINUSCA,sexual_harassment,3,4,true,Focal points,monitored", // 12: not high
                "MINUSCA-MR-01,2021-06-30,MINUSCA,sexual_exploitation_abuse,5,5,true,Out-of-bounds areas,escalated", // 25: high
                "MINUSCA-MR-02,2021-06-30,MINUSCA,fraud_corruption,2,5,false,,monitored", // 10: not high
                "UNMISS-MR-01,2021-06-30,UNMISS,misuse_of_assets,5,3,false,,open"))); // 15: high
        accepted(importFiles(app, "civilian_harm", false, csv(folder, "harm.csv",
                "incident_id,occurred_on,mission,site,location,harm_type,cause,civilians_killed,civilians_injured,review_completed_on,remedial_action,victim_identities",
                "H1,2021-01-01,MINUSCA,,Bangui,casualties,use_of_force,1,2,2021-01-31,true,Person A", // reviewed in 30 days
                "H2,2021-01-10,MINUSCA,,,property_damage,road_traffic,0,0,2021-02-10,false,", // 31 days
                "H3,2021-02-01,MINUSCA,,,livelihood_loss,other,0,0,,,", // not reviewed
                "H4,2021-03-01,MINUSCA,,,casualties,road_traffic,0,1,2021-03-05,true,Person B", // 4 days
                "H5,2021-04-01,UNMISS,,,property_damage,aviation,0,0,2021-04-20,false,"))); // 19 days
        accepted(importFiles(app, "budget_execution", false, csv(folder, "budget.csv",
                "mission,period_end,budget_class,approved,spent",
                "MINUSCA,2021-06-30,military,500000000,480000000",
                "MINUSCA,2021-06-30,civilian,200000000,190000000",
                "MINUSCA,2021-06-30,operational,300000000,310000000",
                "UNMISS,2021-06-30,military,100000000,90000000")));
        return app;
    }



    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void casevacLegsCountAtExactlyTheirLimitAndLeaveOutMissingLegs(String url) throws Exception {
        try (App app = load(url)) {
            // First aid recorded: C1 10, C2 11, C3 10, C5 3, C6 5; C4 left out. Within 10: C1, C3, C5, C6.
            assertThat(amount(app, "P4.CASEVAC_FIRST_AID_10_MIN", "MINUSCA", "2021")).isEqualTo(80); // 4 / 5
            assertThat(value(app, "P4.CASEVAC_FIRST_AID_10_MIN", "MINUSCA", "2021", "").records()).isEqualTo(5);
            assertThat(amount(app, "P4.CASEVAC_FIRST_AID_10_MIN", "PKO", "2021")).isCloseTo(100.0 * 4 / 6, within(EPSILON)); // + C7 20
            assertThat(amount(app, "P4.CASEVAC_FIRST_AID_10_MIN", "MINUSCA", "2021-03")).isCloseTo(100.0 * 2 / 3, within(EPSILON)); // C1, C3 of C1-C3
            assertThat(amount(app, "P4.CASEVAC_FIRST_AID_10_MIN", minuscaSite(0), "2021")).isEqualTo(100); // C1 alone
            assertThat(value(app, "P4.CASEVAC_FIRST_AID_10_MIN", "MINUSCA", "2021", "evacuation_priority=urgent").value())
                    .isCloseTo(100.0 * 2 / 3, within(EPSILON)); // C1, C6 of C1, C2, C6 (C4 has no first aid)

            // Field care recorded: C1 60, C2 61, C4 45, C5 30; C3 and C6 left out. Within 60: C1, C4, C5.
            assertThat(amount(app, "P4.CASEVAC_FIELD_CARE_1_HOUR", "MINUSCA", "2021")).isEqualTo(75); // 3 / 4
            assertThat(amount(app, "P4.CASEVAC_FIELD_CARE_1_HOUR", "PKO", "2021")).isEqualTo(80); // + C7 50: 4 / 5
            assertThat(amount(app, "P4.CASEVAC_FIELD_CARE_1_HOUR", "MINUSCA", "2021-Q2")).isEqualTo(100); // C5 alone; C6 has none

            // Surgery recorded: C1 120, C2 121, C4 90, C6 180. Within 120: C1, C4.
            assertThat(amount(app, "P4.CASEVAC_SURGERY_2_HOURS", "MINUSCA", "2021")).isEqualTo(50); // 2 / 4
            assertThat(amount(app, "P4.CASEVAC_SURGERY_2_HOURS", "PKO", "2021")).isEqualTo(60); // + C7 100: 3 / 5
            assertThat(amount(app, "P4.CASEVAC_SURGERY_2_HOURS", "MINUSCA", "2021-05")).isNull(); // C5 had no surgery: a share of nothing
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void medianMinutesToSurgeryAveragesTheTwoMiddleValuesOfAnEvenCount(String url) throws Exception {
        try (App app = load(url)) {
            assertThat(amount(app, "P4.CASEVAC_MINUTES_TO_SURGERY", "MINUSCA", "2021")).isEqualTo(120.5); // 90, 120 | 121, 180
            assertThat(value(app, "P4.CASEVAC_MINUTES_TO_SURGERY", "MINUSCA", "2021", "").records()).isEqualTo(4);
            assertThat(amount(app, "P4.CASEVAC_MINUTES_TO_SURGERY", "PKO", "2021")).isEqualTo(120); // 90, 100, 120, 121, 180
            assertThat(amount(app, "P4.CASEVAC_MINUTES_TO_SURGERY", "MINUSCA", "2021-Q1")).isEqualTo(120); // 90, 120, 121
            assertThat(value(app, "P4.CASEVAC_MINUTES_TO_SURGERY", "PKO", "2021", "evacuation_priority=urgent").value())
                    .isEqualTo(120); // all five surgeries were urgent
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void countsTelemedicineConsultsAndTheirShareForMentalHealth(String url) throws Exception {
        try (App app = load(url)) {
            assertThat(amount(app, "P4.TELEMEDICINE_CONSULTS", "MINUSCA", "2021-01")).isEqualTo(2); // T1, T2
            assertThat(amount(app, "P4.TELEMEDICINE_CONSULTS", "MINUSCA", "2021-02")).isEqualTo(3); // T3, T4, T5
            assertThat(amount(app, "P4.TELEMEDICINE_CONSULTS", "PKO", "2021")).isEqualTo(6); // T1-T6
            assertThat(value(app, "P4.TELEMEDICINE_CONSULTS", "MINUSCA", "2021", "consult_type=live").value()).isEqualTo(3); // T1, T3, T5
            assertThat(value(app, "P4.TELEMEDICINE_CONSULTS", "MINUSCA", "2021", "mental_health=true").value()).isEqualTo(2); // T1, T4
            assertThat(amount(app, "P4.TELEMEDICINE_MENTAL_HEALTH", "MINUSCA", "2021")).isEqualTo(40); // T1, T4 of 5
            assertThat(amount(app, "P4.TELEMEDICINE_MENTAL_HEALTH", "PKO", "2021")).isCloseTo(100.0 * 2 / 6, within(EPSILON));
            assertThat(amount(app, "P4.TELEMEDICINE_MENTAL_HEALTH", "MINUSCA", "2021-02")).isCloseTo(100.0 / 3, within(EPSILON)); // T4 of 3
            assertThat(amount(app, "P4.TELEMEDICINE_MENTAL_HEALTH", minuscaSite(0), "2021")).isEqualTo(100); // T1 alone
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void sharesOfCampAssessmentsMeetingThePerimeterStandardAndWithGenderSensitiveFacilities(String url) throws Exception {
        try (App app = load(url)) {
            // MINUSCA: site 0 twice (met, met), site 1 (not), site 2 (met); UNMISS one (not).
            assertThat(amount(app, "P4.CAMPS_PERIMETER_STANDARD", "MINUSCA", "2021")).isEqualTo(75); // 3 / 4
            assertThat(amount(app, "P4.CAMPS_PERIMETER_STANDARD", "PKO", "2021")).isEqualTo(60); // 3 / 5
            assertThat(amount(app, "P4.CAMPS_PERIMETER_STANDARD", minuscaSite(1), "2021")).isEqualTo(0);
            assertThat(value(app, "P4.CAMPS_PERIMETER_STANDARD", "PKO", "2021", "camp_type=temporary_operating_base").value())
                    .isEqualTo(0); // both TOBs fall short
            assertThat(value(app, "P4.CAMPS_PERIMETER_STANDARD", "PKO", "2021", "risk_level=low").value()).isEqualTo(100); // site 0 twice
            // Gender-sensitive facilities: MINUSCA site 0 twice of 4; UNMISS yes.
            assertThat(amount(app, "P4.CAMPS_GENDER_SENSITIVE", "MINUSCA", "2021")).isEqualTo(50); // 2 / 4
            assertThat(amount(app, "P4.CAMPS_GENDER_SENSITIVE", "PKO", "2021")).isEqualTo(60); // 3 / 5
            assertThat(amount(app, "P4.CAMPS_GENDER_SENSITIVE", "MINUSCA", "2021-Q2")).isCloseTo(100.0 / 3, within(EPSILON)); // May round
            assertThat(value(app, "P4.CAMPS_GENDER_SENSITIVE", "PKO", "2021", "camp_type=temporary_operating_base").value())
                    .isEqualTo(50); // UNMISS's of the two
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void unitEvaluationsBelowStandardTheirRemedialPlansAndCaveats(String url) throws Exception {
        try (App app = load(url)) {
            // Below standard in MINUSCA: INF-02 (plan), FPU-03 (no plan), ENG-04 (none recorded); UNMISS INF-01 (plan).
            assertThat(amount(app, "P5.UNITS_WITH_REMEDIAL_PLAN", "MINUSCA", "2021")).isCloseTo(100.0 / 3, within(EPSILON));
            assertThat(amount(app, "P5.UNITS_WITH_REMEDIAL_PLAN", "PKO", "2021")).isEqualTo(50); // 2 / 4
            assertThat(value(app, "P5.UNITS_WITH_REMEDIAL_PLAN", "PKO", "2021", "unit_type=infantry").value()).isEqualTo(100); // 2 / 2
            assertThat(value(app, "P5.UNITS_WITH_REMEDIAL_PLAN", "PKO", "2021", "rating=does_not_meet").value()).isEqualTo(50); // UNMISS of 2
            assertThat(amount(app, "P5.UNITS_WITH_REMEDIAL_PLAN", "MINUSCA", "2021-Q3")).isNull(); // MED-05 exceeds: none below
            assertThat(amount(app, "P5.UNITS_BELOW_STANDARD", "MINUSCA", "2021")).isEqualTo(60); // 3 / 5
            assertThat(amount(app, "P5.UNITS_BELOW_STANDARD", "PKO", "2021")).isCloseTo(100.0 * 4 / 6, within(EPSILON));
            assertThat(amount(app, "P5.UNIT_EVALUATIONS_WITH_CAVEATS", "MINUSCA", "2021")).isEqualTo(40); // INF-02, FPU-03 of 5
            assertThat(amount(app, "P5.UNIT_EVALUATIONS_WITH_CAVEATS", "PKO", "2021")).isCloseTo(100.0 * 2 / 6, within(EPSILON));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void highMisconductRisksStartAtLikelihoodTimesImpactFifteen(String url) throws Exception {
        try (App app = load(url)) {
            // High (>= 15) in MINUSCA: MR-01 Q1 15 (mitigated), MR-02 Q1 16 (not), MR-01 Q2 25 (mitigated); 12 and 10 are not high.
            assertThat(amount(app, "P5.MISCONDUCT_HIGH_RISKS_MITIGATED", "MINUSCA", "2021")).isCloseTo(100.0 * 2 / 3, within(EPSILON));
            assertThat(value(app, "P5.MISCONDUCT_HIGH_RISKS_MITIGATED", "MINUSCA", "2021", "").records()).isEqualTo(3);
            assertThat(amount(app, "P5.MISCONDUCT_HIGH_RISKS_MITIGATED", "PKO", "2021")).isEqualTo(50); // + UNMISS 15 (not): 2 / 4
            assertThat(amount(app, "P5.MISCONDUCT_HIGH_RISKS_MITIGATED", "MINUSCA", "2021-Q1")).isEqualTo(50); // 15 yes, 16 no
            assertThat(amount(app, "P5.MISCONDUCT_HIGH_RISKS_MITIGATED", "MINUSCA", "2021-Q2")).isEqualTo(100); // 25 yes
            assertThat(value(app, "P5.MISCONDUCT_HIGH_RISKS_MITIGATED", "MINUSCA", "2021", "risk_area=sexual_exploitation_abuse").value())
                    .isEqualTo(100); // MR-01 in both quarters
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void civilianHarmIncidentsReviewsWithinThirtyDaysAndRemedialAction(String url) throws Exception {
        try (App app = load(url)) {
            assertThat(amount(app, "P5.CIVILIAN_HARM_INCIDENTS", "MINUSCA", "2021")).isEqualTo(4); // H1-H4
            assertThat(amount(app, "P5.CIVILIAN_HARM_INCIDENTS", "PKO", "2021-Q2")).isEqualTo(1); // H5
            assertThat(value(app, "P5.CIVILIAN_HARM_INCIDENTS", "MINUSCA", "2021", "harm_type=casualties").value()).isEqualTo(2); // H1, H4
            assertThat(value(app, "P5.CIVILIAN_HARM_INCIDENTS", "PKO", "2021", "cause=road_traffic").value()).isEqualTo(2); // H2, H4
            // Days to review: H1 30 (in time), H2 31 (late), H3 none (late), H4 4, H5 19.
            assertThat(amount(app, "P5.CIVILIAN_HARM_REVIEWED_30_DAYS", "MINUSCA", "2021")).isEqualTo(50); // H1, H4 of 4
            assertThat(amount(app, "P5.CIVILIAN_HARM_REVIEWED_30_DAYS", "PKO", "2021")).isEqualTo(60); // H1, H4, H5 of 5
            assertThat(amount(app, "P5.CIVILIAN_HARM_REVIEWED_30_DAYS", "MINUSCA", "2021-01")).isEqualTo(50); // H1 of H1, H2
            assertThat(amount(app, "P5.CIVILIAN_HARM_REMEDIAL_ACTION", "MINUSCA", "2021")).isEqualTo(50); // H1, H4 of 4
            assertThat(amount(app, "P5.CIVILIAN_HARM_REMEDIAL_ACTION", "PKO", "2021")).isEqualTo(40); // 2 / 5
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void budgetImplementationRateIsSpendingOverApprovedResources(String url) throws Exception {
        try (App app = load(url)) {
            assertThat(amount(app, "P5.BUDGET_IMPLEMENTATION_RATE", "MINUSCA", "2021")).isCloseTo(98, within(EPSILON)); // 980 / 1,000 million
            assertThat(amount(app, "P5.BUDGET_IMPLEMENTATION_RATE", "PKO", "2021")).isCloseTo(100.0 * 1070 / 1100, within(EPSILON));
            assertThat(value(app, "P5.BUDGET_IMPLEMENTATION_RATE", "PKO", "2021", "budget_class=military").value())
                    .isCloseTo(95, within(EPSILON)); // (480 + 90) / (500 + 100)
            assertThat(value(app, "P5.BUDGET_IMPLEMENTATION_RATE", "MINUSCA", "2021", "budget_class=operational").value())
                    .isCloseTo(100.0 * 310 / 300, within(EPSILON)); // overspent
        }
    }

    @Test
    void generatedRecordsAllImportForEveryActiveMissionAndShowImprovingCasevac() throws Exception {
        Map<String, ImportFile> files = generate(DemoLoader.SEED);
        assertThat(files.keySet()).containsExactly("casevac", "telemedicine_consult", "camp_assessment", "unit_evaluation",
                "misconduct_risk", "civilian_harm", "budget_execution");
        Set<String> activeMissions = new TreeSet<>();
        for (int year = 2017; year <= 2024; year++) {
            for (int month = 1; month <= 12; month++) {
                activeMissions.addAll(activeIn(year, month));
            }
        }
        try (App app = Fixtures.app(Databases.h2Url("generated-p4-p5"))) {
            for (Map.Entry<String, ImportFile> file : files.entrySet()) {
                assertThat(file.getValue().name()).startsWith("synthetic-");
                accepted(app.importer().run(new ImportRequest(file.getKey(), null, List.of(file.getValue()), true, true, "test"),
                        Progress.NONE));
                Set<String> missions = new TreeSet<>();
                try (Connection connection = app.database().dataSource().getConnection();
                     var statement = connection.createStatement();
                     var rows = statement.executeQuery("SELECT DISTINCT \"mission\" FROM rec_" + file.getKey())) {
                    while (rows.next()) {
                        missions.add(rows.getString(1));
                    }
                }
                // Scheduled records cover every active mission; events (Poisson counts) may skip a mission active a few days.
                if (SCHEDULED.contains(file.getKey())) {
                    assertThat(missions).as(file.getKey()).isEqualTo(activeMissions);
                } else {
                    assertThat(activeMissions).as(file.getKey()).containsAll(missions);
                    assertThat(missions).as(file.getKey()).contains("MINUSCA", "MONUSCO", "UNMISS", "MINUSMA", "UNAMID");
                }
            }
            IndicatorValue first = value(app, "P4.CASEVAC_FIRST_AID_10_MIN", "PKO", "2017", "");
            IndicatorValue last = value(app, "P4.CASEVAC_FIRST_AID_10_MIN", "PKO", "2024", "");
            assertThat(first.synthetic()).isTrue();
            assertThat(last.value()).isGreaterThan(first.value());
            assertThat(amount(app, "P4.CASEVAC_SURGERY_2_HOURS", "PKO", "2024")).isGreaterThan(amount(app, "P4.CASEVAC_SURGERY_2_HOURS", "PKO", "2017"));
        }
    }

    @Test
    void theSameSeedGivesByteIdenticalFiles() throws Exception {
        Map<String, byte[]> first = bytes(generate(DemoLoader.SEED));
        Map<String, byte[]> second = bytes(generate(DemoLoader.SEED));
        assertThat(second.keySet()).containsExactlyElementsOf(first.keySet());
        first.forEach((type, content) -> assertThat(second.get(type)).as(type).isEqualTo(content));
        assertThat(new String(first.get("casevac"), StandardCharsets.UTF_8))
                .startsWith("casevac_id,injury_date,mission,site,injured_at,first_aid_at,field_care_at,surgery_at,");
    }

    private static Set<String> activeIn(int year, int month) {
        java.time.LocalDate from = java.time.LocalDate.of(year, month, 1);
        java.time.LocalDate to = from.plusMonths(1).minusDays(1);
        Set<String> out = new TreeSet<>();
        for (OrgUnit mission : Fixtures.pack().orgUnits().missions()) {
            if ("PKO".equals(mission.scope()) && mission.start() != null && !mission.start().isAfter(to)
                    && (mission.end() == null || !mission.end().isBefore(from))) {
                out.add(mission.code());
            }
        }
        return out;
    }

    private static Map<String, byte[]> bytes(Map<String, ImportFile> files) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, ImportFile> file : files.entrySet()) {
            try (InputStream in = file.getValue().opener().open()) {
                out.put(file.getKey(), in.readAllBytes());
            }
        }
        return out;
    }

    /** The generator is package-private in org.a4p.demo (its surface is the demo loader); reached here by reflection. */
    @SuppressWarnings("unchecked")
    private static Map<String, ImportFile> generate(long seed) throws Exception {
        Class<?> type = Class.forName("org.a4p.demo.MedicalConductAndStewardshipRecords");
        Constructor<?> constructor = type.getDeclaredConstructor(OrgUnits.class, long.class);
        constructor.setAccessible(true);
        Object generator = constructor.newInstance(Fixtures.pack().orgUnits(), seed);
        Method files = type.getDeclaredMethod("files");
        files.setAccessible(true);
        return (Map<String, ImportFile>) files.invoke(generator);
    }
}
