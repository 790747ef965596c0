package org.a4p.indicators;

import static org.a4p.support.Fixtures.accepted;
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
import org.a4p.ingest.RowIssue;
import org.a4p.orgunit.OrgUnits;
import org.a4p.support.Fixtures;
import org.a4p.testing.Databases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The P3 (capabilities) and P7 (host countries) indicators computed by hand on small fixtures and
 * compared with the stored values, on H2 and on PostgreSQL; the hand computations are in the
 * comments beside each check. Unit pledges arrive in three imports with backdated and
 * out-of-order history. Also: the demo generator of these record types makes files that import
 * and come out the same for the same seed.
 */
class CapabilitiesAndHostCountryIndicatorsTest {
    private static final double EPS = 1e-9;
    static final String PLEDGE_HEADER = "pledge_id,contributing_country,unit_type,mission,requested_on,readiness_level,level_on,"
            + "critical_capability_gaps,declared_caveats";
    static final String SOFA_HEADER = "violation_id,occurred_on,mission,violation_type,location,raised_with_host_on,resolved_on,"
            + "reported_to_council";

    @TempDir
    Path folder;

    /** The stored values of an indicator for an org unit and period, totals and disaggregations. */
    private static List<IndicatorValue> values(App app, String indicator, String orgUnit, String period) throws Exception {
        try (Connection connection = app.database().dataSource().getConnection()) {
            return new ValueQuery().find(connection, new ValueQuery.Filter(indicator, orgUnit, period, null, false));
        }
    }

    /** The stored total (null when there is no answer, such as a share of nothing); fails when none is stored. */
    private static Double amount(App app, String indicator, String orgUnit, String period) throws Exception {
        return value(app, indicator, orgUnit, period, "");
    }

    private static Double value(App app, String indicator, String orgUnit, String period, String disaggregation) throws Exception {
        List<IndicatorValue> found = values(app, indicator, orgUnit, period).stream()
                .filter(v -> v.disaggregation().equals(disaggregation)).toList();
        assertThat(found).as("%s %s %s %s", indicator, orgUnit, period, disaggregation).hasSize(1);
        return found.get(0).value();
    }

    private static String reached(App app, String pledgeId, String stage) throws Exception {
        try (Connection connection = app.database().dataSource().getConnection();
             var statement = connection.prepareStatement(
                     "SELECT \"reached_" + stage + "_on\" FROM rec_unit_pledge WHERE \"pledge_id\" = ?")) {
            statement.setString(1, pledgeId);
            try (var rs = statement.executeQuery()) {
                rs.next();
                Object date = rs.getObject(1);
                return date == null ? null : date.toString();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void deploymentIndicatorsFollowThePledgesHistoryAcrossBackdatedAndOutOfOrderImports(String url) throws Exception {
        try (App app = Fixtures.app(url)) {
            // First PCRS extract: each pledge at the level last reported. U3 was never assessed, so its gaps are unknown.
            accepted(importFiles(app, "unit_pledge", false, csv(folder, "pcrs-1.csv", PLEDGE_HEADER,
                    "U1,BGD,quick_reaction_force,MINUSCA,2020-01-10,rapid_deployment,2019-11-01,0,1",
                    "U2,NPL,infantry_battalion,MINUSCA,2020-02-01,aligned,2019-12-01,2,0",
                    "U3,RWA,engineering,MINUSCA,2020-03-01,registered,2019-06-01,,0",
                    "U4,PAK,medical_level_2,MINUSCA,2020-04-01,deployed,2020-06-30,1,2")));
            // Deployed: U4 only, 2020-04-01 to 2020-06-30 = 30 + 31 + 29 = 90 days.
            assertThat(amount(app, "P3.DAYS_TO_DEPLOY", "MINUSCA", "2020")).isEqualTo(90);
            // U4's rapid deployment level is implied by its deployment, on the same day: not before it, so no RDL unit yet.
            assertThat(reached(app, "U4", "rapid_deployment")).isEqualTo("2020-06-30");
            assertThat(values(app, "P3.DAYS_TO_DEPLOY_RDL", "MINUSCA", "2020")).isEmpty();
            // Level 2 or higher: U1 (RDL), U2 (aligned), U4 (deployed) of 4; U3 is at level 1.
            assertThat(amount(app, "P3.PLEDGES_LEVEL_2_OR_HIGHER", "MINUSCA", "2020")).isEqualTo(75);
            // Deployed with known gaps: U4, with 1 gap: 1 of 1.
            assertThat(amount(app, "P3.DEPLOYED_WITH_CRITICAL_GAPS", "MINUSCA", "2020")).isEqualTo(100);
            // Caveats of deployed units: U4's 2; U1's 1 does not count yet.
            assertThat(amount(app, "P3.DECLARED_CAVEATS", "MINUSCA", "2020")).isEqualTo(2);
            assertThat(amount(app, "P3.PLEDGES", "MINUSCA", "2020")).isEqualTo(4);

            // Second extract: U1 and U2 deploy; U4's rapid deployment level is reported late, backdated
            // before its deployment; U3 is withdrawn without ever being assessed.
            ImportOutcome.Accepted second = accepted(importFiles(app, "unit_pledge", false, csv(folder, "pcrs-2.csv", PLEDGE_HEADER,
                    "U1,BGD,quick_reaction_force,MINUSCA,2020-01-10,deployed,2020-02-19,0,1",
                    "U2,NPL,infantry_battalion,MINUSCA,2020-02-01,deployed,2020-09-01,2,0",
                    "U3,RWA,engineering,MINUSCA,2020-03-01,withdrawn,2020-08-01,,0",
                    "U4,PAK,medical_level_2,MINUSCA,2020-04-01,rapid_deployment,2020-05-15,1,2")));
            assertThat(second.warnings()).isEmpty();
            assertThat(reached(app, "U4", "rapid_deployment")).isEqualTo("2020-05-15");
            assertThat(reached(app, "U4", "deployed")).isEqualTo("2020-06-30"); // the late report does not undo the deployment
            assertThat(reached(app, "U3", "assessed")).isNull();
            assertThat(reached(app, "U3", "withdrawn")).isEqualTo("2020-08-01");
            // Days to deploy: U1 2020-01-10 to 2020-02-19 = 21 + 19 = 40; U2 2020-02-01 to 2020-09-01 =
            // 29 + 31 + 30 + 31 + 30 + 31 + 31 = 213 (2020 is a leap year); U4 90. Median of 40, 90, 213.
            assertThat(amount(app, "P3.DAYS_TO_DEPLOY", "MINUSCA", "2020")).isEqualTo(90);
            // RDL before deployment: U1 (2019-11-01 < 2020-02-19) and now U4 (2020-05-15 < 2020-06-30); U2's RDL
            // is only implied by its deployment. Median of 40 and 90.
            assertThat(amount(app, "P3.DAYS_TO_DEPLOY_RDL", "MINUSCA", "2020")).isEqualTo(65);
            assertThat(amount(app, "P3.PLEDGES_LEVEL_2_OR_HIGHER", "MINUSCA", "2020")).isEqualTo(75); // U1, U2, U4 of 4
            // Deployed with known gaps: U1 (0), U2 (2), U4 (1): 2 of 3.
            assertThat(amount(app, "P3.DEPLOYED_WITH_CRITICAL_GAPS", "MINUSCA", "2020")).isCloseTo(200.0 / 3, within(EPS));
            assertThat(amount(app, "P3.DECLARED_CAVEATS", "MINUSCA", "2020")).isEqualTo(3); // U1 1 + U2 0 + U4 2

            // Third extract: U1's deployment is corrected to an earlier day (backdated); U2 is reported
            // aligned after its deployment (out of order: kept as reported, with a warning).
            ImportOutcome.Accepted third = accepted(importFiles(app, "unit_pledge", false, csv(folder, "pcrs-3.csv", PLEDGE_HEADER,
                    "U1,BGD,quick_reaction_force,MINUSCA,2020-01-10,deployed,2020-02-05,0,1",
                    "U2,NPL,infantry_battalion,MINUSCA,2020-02-01,aligned,2020-10-01,2,0")));
            assertThat(third.warnings()).extracting(RowIssue::message).containsExactly(
                    "pcrs-3.csv row 3, column 'level_on': history out of order: stage 'deployed' is dated 2020-09-01,"
                            + " before stage 'aligned' (2020-10-01); kept as reported");
            assertThat(reached(app, "U1", "deployed")).isEqualTo("2020-02-05");
            assertThat(reached(app, "U2", "aligned")).isEqualTo("2019-12-01"); // the first report of level 3 or later
            assertThat(reached(app, "U2", "deployed")).isEqualTo("2020-09-01");
            // Days to deploy: U1 now 2020-01-10 to 2020-02-05 = 26; U2 213; U4 90: median 90.
            assertThat(amount(app, "P3.DAYS_TO_DEPLOY", "MINUSCA", "2020")).isEqualTo(90);
            assertThat(amount(app, "P3.DAYS_TO_DEPLOY", "PKO", "2020")).isEqualTo(90);
            // Requested in the first quarter and deployed: U1 26, U2 213 (U3 never deployed): median 119.5.
            assertThat(amount(app, "P3.DAYS_TO_DEPLOY", "MINUSCA", "2020-Q1")).isEqualTo(119.5);
            assertThat(amount(app, "P3.DAYS_TO_DEPLOY_RDL", "MINUSCA", "2020")).isEqualTo(58); // median of 26 (U1) and 90 (U4)
            assertThat(value(app, "P3.DAYS_TO_DEPLOY_RDL", "MINUSCA", "2020", "unit_type=medical_level_2")).isEqualTo(90); // U4
            // Current levels, as each pledge's latest report says: U2 shows aligned (its latest-dated report).
            assertThat(value(app, "P3.PLEDGES", "MINUSCA", "2020", "readiness_level=deployed")).isEqualTo(2); // U1, U4
            assertThat(value(app, "P3.PLEDGES", "MINUSCA", "2020", "readiness_level=aligned")).isEqualTo(1); // U2
            assertThat(value(app, "P3.PLEDGES", "MINUSCA", "2020", "readiness_level=withdrawn")).isEqualTo(1); // U3
            // U2 still counts as deployed (reached_deployed_on is kept): gaps 2 of 3, caveats 3.
            assertThat(amount(app, "P3.DEPLOYED_WITH_CRITICAL_GAPS", "MINUSCA", "2020")).isCloseTo(200.0 / 3, within(EPS));
            assertThat(amount(app, "P3.DECLARED_CAVEATS", "MINUSCA", "2020")).isEqualTo(3);
            assertThat(value(app, "P3.DECLARED_CAVEATS", "MINUSCA", "2020", "unit_type=medical_level_2")).isEqualTo(2); // U4
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void countsTraineesInPrioritizedCoursesAndTheShareOfWomen(String url) throws Exception {
        try (App app = Fixtures.app(url)) {
            accepted(importFiles(app, "training", false, csv(folder, "training.csv",
                    "training_id,course,completed_on,mission,unit,trainees,women_trainees",
                    "T1,counter_ied,2021-03-10,MINUSCA,BGD-INFBATT-1,30,3",
                    "T2,casevac,2021-05-05,MINUSCA,,20,4",
                    "T3,peacekeeping_intelligence,2021-06-01,MINUSCA,individuals,10,2",
                    "T4,gender,2021-07-01,MINUSCA,individuals,25,10",
                    "T5,protection_of_civilians,2021-08-01,MINUSCA,RWA-INFBATT-2,15,1",
                    "T6,counter_ied,2021-02-02,UNMISS,IND-ENGCOY-1,40,0")));
            assertThat(amount(app, "P3.SPECIALIZED_TRAINEES", "MINUSCA", "2021")).isEqualTo(60); // T1 30 + T2 20 + T3 10
            assertThat(amount(app, "P3.SPECIALIZED_TRAINEES", "PKO", "2021")).isEqualTo(100); // + T6 40
            assertThat(value(app, "P3.SPECIALIZED_TRAINEES", "PKO", "2021", "course=counter_ied")).isEqualTo(70); // T1 + T6
            // Only T4 and T5 in the third quarter, neither prioritized: the engine stores a sum of no records as no answer.
            assertThat(amount(app, "P3.SPECIALIZED_TRAINEES", "MINUSCA", "2021-Q3")).isNull();
            // Women: 3 + 4 + 2 + 10 + 1 = 20 of 30 + 20 + 10 + 25 + 15 = 100 trainees.
            assertThat(amount(app, "P3.WOMEN_TRAINEES", "MINUSCA", "2021")).isEqualTo(20);
            assertThat(amount(app, "P3.WOMEN_TRAINEES", "PKO", "2021")).isCloseTo(100.0 * 20 / 140, within(EPS));
            assertThat(value(app, "P3.WOMEN_TRAINEES", "MINUSCA", "2021", "course=gender")).isEqualTo(40); // 10 of 25
            assertThat(amount(app, "P3.WOMEN_TRAINEES", "UNMISS", "2021")).isEqualTo(0); // 0 of 40
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void measuresHowSofaViolationsAreRaisedAndResolvedIncludingThoseNotYet(String url) throws Exception {
        try (App app = Fixtures.app(url)) {
            // S2 raised on day 7 (in time), S3 on day 8 (late), S4 not yet raised, S5's raised date precedes
            // the violation (an error the pack cannot reject; not counted as in time), S6 raised on day 0.
            accepted(importFiles(app, "sofa_violation", false, csv(folder, "sofa-1.csv", SOFA_HEADER,
                    "S1,2022-01-03,MINUSCA,movement_restriction,Bambari,2022-01-05,2022-01-13,true",
                    "S2,2022-01-10,MINUSCA,flight_denial,Bangui M'Poko,2022-01-17,,false",
                    "S3,2022-02-01,MINUSCA,customs_obstruction,Douala corridor,2022-02-09,2022-03-03,true",
                    "S4,2022-03-01,MINUSCA,detention_of_personnel,Bria,,,false",
                    "S5,2022-04-01,MINUSCA,movement_restriction,Kaga-Bandoro,2022-03-30,2022-04-21,",
                    "S6,2022-01-20,UNMISS,movement_restriction,Juba,2022-01-20,2022-01-20,",
                    "S7,2022-05-05,UNMISS,attack_on_premises,Malakal,,,")));
            assertThat(amount(app, "P7.SOFA_VIOLATIONS", "MINUSCA", "2022")).isEqualTo(5); // S1-S5
            assertThat(amount(app, "P7.SOFA_VIOLATIONS", "PKO", "2022")).isEqualTo(7);
            assertThat(amount(app, "P7.SOFA_VIOLATIONS", "MINUSCA", "2022-01")).isEqualTo(2); // S1, S2
            assertThat(value(app, "P7.SOFA_VIOLATIONS", "PKO", "2022", "violation_type=movement_restriction")).isEqualTo(3); // S1, S5, S6
            // Raised within 7 days: S1 (2 days), S2 (7); not S3 (8), S4 (not raised), S5 (-2 days).
            assertThat(amount(app, "P7.SOFA_RAISED_WITHIN_7_DAYS", "MINUSCA", "2022")).isEqualTo(40); // 2 of 5
            assertThat(amount(app, "P7.SOFA_RAISED_WITHIN_7_DAYS", "PKO", "2022")).isCloseTo(300.0 / 7, within(EPS)); // + S6: 3 of 7
            assertThat(amount(app, "P7.SOFA_RAISED_WITHIN_7_DAYS", "UNMISS", "2022-05")).isEqualTo(0); // S7 not raised
            // Resolved: S1, S3, S5 of MINUSCA's 5; + S6 of 7.
            assertThat(amount(app, "P7.SOFA_RESOLVED", "MINUSCA", "2022")).isEqualTo(60);
            assertThat(amount(app, "P7.SOFA_RESOLVED", "PKO", "2022")).isCloseTo(400.0 / 7, within(EPS));
            // Days to resolution: S1 10, S3 30 (2022-02-01 to 2022-03-03), S5 20; S6 0.
            assertThat(amount(app, "P7.SOFA_DAYS_TO_RESOLUTION", "MINUSCA", "2022")).isEqualTo(20);
            assertThat(amount(app, "P7.SOFA_DAYS_TO_RESOLUTION", "PKO", "2022")).isEqualTo(15); // median of 0, 10, 20, 30
            assertThat(values(app, "P7.SOFA_DAYS_TO_RESOLUTION", "UNMISS", "2022-05")).isEmpty(); // S7 unresolved: no answer
            // Reported to the Council: S1, S3 true; S2, S4 false; S5, S6, S7 not said (not counted as reported).
            assertThat(amount(app, "P7.SOFA_REPORTED_TO_COUNCIL", "MINUSCA", "2022")).isEqualTo(40); // 2 of 5
            assertThat(amount(app, "P7.SOFA_REPORTED_TO_COUNCIL", "PKO", "2022")).isCloseTo(200.0 / 7, within(EPS));

            // Later: S4 is raised on day 3 and resolved on 2022-03-20; S7 is raised on day 10.
            accepted(importFiles(app, "sofa_violation", false, csv(folder, "sofa-2.csv", SOFA_HEADER,
                    "S4,2022-03-01,MINUSCA,detention_of_personnel,Bria,2022-03-04,2022-03-20,false",
                    "S7,2022-05-05,UNMISS,attack_on_premises,Malakal,2022-05-15,,")));
            assertThat(amount(app, "P7.SOFA_RAISED_WITHIN_7_DAYS", "MINUSCA", "2022")).isEqualTo(60); // S1, S2, S4 of 5
            assertThat(amount(app, "P7.SOFA_RAISED_WITHIN_7_DAYS", "UNMISS", "2022-05")).isEqualTo(0); // S7 raised after 10 days
            assertThat(amount(app, "P7.SOFA_RESOLVED", "MINUSCA", "2022")).isEqualTo(80); // S1, S3, S4, S5
            assertThat(amount(app, "P7.SOFA_DAYS_TO_RESOLUTION", "MINUSCA", "2022")).isEqualTo(19.5); // median of 10, 19, 20, 30
            assertThat(amount(app, "P7.SOFA_VIOLATIONS", "PKO", "2022")).isEqualTo(7); // revisions, not new violations
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void checksThatRiskAssessmentsPrecedeSupportAndHighRisksAreMitigated(String url) throws Exception {
        try (App app = Fixtures.app(url)) {
            accepted(importFiles(app, "hrddp_assessment", false, csv(folder, "hrddp.csv",
                    "assessment_id,mission,supported_force,support_type,risk_level,mitigation_measures,assessed_on,support_started_on,monitoring_status",
                    "H1,MONUSCO,FARDC brigade,logistics,high,true,2021-01-10,2021-02-01,ongoing",
                    "H2,MONUSCO,Police nationale congolaise,training,medium,false,2021-03-01,2021-03-01,completed",
                    "H3,MONUSCO,FARDC battalion,joint_operation,high,false,2021-04-10,2021-04-01,violations_reported",
                    "H4,MONUSCO,FARDC regiment,logistics,high,yes,2021-05-01,,not_started",
                    "H5,UNMISS,SSPDF unit,advisory,low,no,2021-06-01,2021-07-01,ongoing")));
            // Support begun: H1, H2, H3 (H4 has not begun). Assessed on or before the start: H1, H2 (same day).
            assertThat(amount(app, "P7.HRDDP_ASSESSED_BEFORE_SUPPORT", "MONUSCO", "2021")).isCloseTo(200.0 / 3, within(EPS));
            assertThat(amount(app, "P7.HRDDP_ASSESSED_BEFORE_SUPPORT", "PKO", "2021")).isEqualTo(75); // + H5: 3 of 4
            assertThat(value(app, "P7.HRDDP_ASSESSED_BEFORE_SUPPORT", "MONUSCO", "2021", "support_type=logistics")).isEqualTo(100); // H1
            assertThat(amount(app, "P7.HRDDP_ASSESSED_BEFORE_SUPPORT", "MONUSCO", "2021-05")).isNull(); // H4 only: no support begun
            // High risk: H1, H3, H4; with mitigation measures: H1, H4.
            assertThat(amount(app, "P7.HRDDP_HIGH_RISK_MITIGATED", "MONUSCO", "2021")).isCloseTo(200.0 / 3, within(EPS));
            assertThat(amount(app, "P7.HRDDP_HIGH_RISK_MITIGATED", "PKO", "2021")).isCloseTo(200.0 / 3, within(EPS));
            assertThat(amount(app, "P7.HRDDP_HIGH_RISK_MITIGATED", "UNMISS", "2021")).isNull(); // no high risk: a share of nothing
        }
    }

    /** The generator is package-private in org.a4p.demo; reached by reflection from here. */
    @SuppressWarnings("unchecked")
    private static Map<String, ImportFile> generate(OrgUnits orgUnits, long seed) throws Exception {
        Class<?> type = Class.forName("org.a4p.demo.CapabilitiesAndHostCountryRecords");
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
        assertThat(second.keySet()).containsExactlyElementsOf(first.keySet());
        assertThat(first.keySet()).startsWith("unit_pledge").endsWith("training", "sofa_violation", "hrddp_assessment");
        for (String key : first.keySet()) {
            assertThat(first.get(key).name()).startsWith("synthetic-");
            assertThat(second.get(key).name()).isEqualTo(first.get(key).name());
            assertThat(bytes(second.get(key))).as(key).isEqualTo(bytes(first.get(key)));
        }
        assertThat(bytes(generate(orgUnits, 7L).get("sofa_violation"))).isNotEqualTo(bytes(first.get("sofa_violation")));

        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        long pledgeRows = 0;
        try (App app = Fixtures.app(Databases.h2Url("generated-p3-p7"))) {
            // Each file is its own submission, in order; the unit pledge files are partial, so none is a snapshot.
            for (Map.Entry<String, ImportFile> e : first.entrySet()) {
                String recordType = e.getKey().split("-")[0];
                ImportOutcome outcome = app.importer().run(
                        new ImportRequest(recordType, null, List.of(e.getValue()), false, true, "test"), Progress.NONE);
                if (outcome instanceof ImportOutcome.Rejected r) {
                    problems.add(e.getKey() + ": " + r.errorCount() + " errors, first "
                            + r.errors().stream().limit(5).map(RowIssue::message).toList());
                    continue;
                }
                ImportOutcome.Accepted accepted = (ImportOutcome.Accepted) outcome;
                accepted.warnings().stream().limit(3).forEach(w -> problems.add(e.getKey() + ": warning " + w.message()));
                if (recordType.equals("unit_pledge")) {
                    pledgeRows += accepted.submissions().get(0).rowsRead();
                }
            }
            assertThat(problems).isEmpty();
            for (String type : List.of("unit_pledge", "training", "sofa_violation", "hrddp_assessment")) {
                counts.put(type, Fixtures.count(app, "SELECT COUNT(*) FROM rec_" + type));
                String date = app.pack().recordType(type).orElseThrow().dateField();
                assertThat(Fixtures.count(app, "SELECT COUNT(DISTINCT EXTRACT(YEAR FROM \"" + date + "\")) FROM rec_" + type))
                        .as(type).isEqualTo(8);
            }
            // Every peacekeeping operation active in 2017-2024 has trainings, SOFA violations and HRDDP assessments.
            long active = orgUnits.missions().stream()
                    .filter(m -> "PKO".equals(m.scope()) && m.start() != null && m.start().getYear() <= 2024
                            && (m.end() == null || m.end().getYear() >= 2017))
                    .count();
            for (String type : List.of("training", "sofa_violation", "hrddp_assessment")) {
                assertThat(Fixtures.count(app, "SELECT COUNT(DISTINCT \"mission\") FROM rec_" + type)).as(type).isEqualTo(active);
            }
            System.out.println("[CapabilitiesAndHostCountryIndicatorsTest] " + first.size() + " files; records " + counts
                    + "; unit_pledge rows (level reports) " + pledgeRows);
            assertThat(counts).allSatisfy((type, n) -> assertThat(n).as(type).isGreaterThan(100));
            assertThat(pledgeRows).isGreaterThan(2 * counts.get("unit_pledge"));
            assertThat(Fixtures.count(app, "SELECT COUNT(*) FROM rec_training WHERE \"women_trainees\" > \"trainees\"")).isZero();
            // The trends move the indicators the right way between 2017 and 2024.
            assertThat(amount(app, "P3.DAYS_TO_DEPLOY", "PKO", "2024")).isLessThan(amount(app, "P3.DAYS_TO_DEPLOY", "PKO", "2017"));
            assertThat(amount(app, "P3.DAYS_TO_DEPLOY_RDL", "PKO", "2024")).isLessThan(amount(app, "P3.DAYS_TO_DEPLOY_RDL", "PKO", "2017"));
            assertThat(amount(app, "P7.SOFA_RAISED_WITHIN_7_DAYS", "PKO", "2024"))
                    .isGreaterThan(amount(app, "P7.SOFA_RAISED_WITHIN_7_DAYS", "PKO", "2017"));
            assertThat(amount(app, "P7.HRDDP_ASSESSED_BEFORE_SUPPORT", "PKO", "2024"))
                    .isGreaterThan(amount(app, "P7.HRDDP_ASSESSED_BEFORE_SUPPORT", "PKO", "2017"));
        }
    }
}
