package org.a4p.indicators;

import static org.a4p.support.Fixtures.accepted;
import static org.a4p.support.Fixtures.amount;
import static org.a4p.support.Fixtures.value;
import static org.a4p.support.Fixtures.csv;
import static org.a4p.support.Fixtures.importFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.a4p.app.App;
import org.a4p.support.Fixtures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every indicator of the pack computed by hand on a small fixture and compared with the stored
 * values, on H2 and on PostgreSQL. The hand computations are in the comments beside each check.
 */
class IndicatorEngineTest {
    @TempDir
    Path folder;

    private App load(String url) throws Exception {
        App app = Fixtures.app(url);
        accepted(importFiles(app, "fatality", false, csv(folder, "fatalities.csv",
                "casualty_id,incident_date,mission,personnel_type,incident_type",
                "F1,2020-01-10,MINUSCA,military,malicious_act",
                "F2,2020-05-10,MINUSCA,police,malicious_act",
                "F3,2020-05-11,MINUSCA,military,accident",
                "F4,2020-07-01,UNMISS,military,malicious_act",
                "F5,2021-02-01,UNMISS,international_civilian,malicious_act",
                "F6,2020-03-03,UNAMA,international_civilian,malicious_act")));
        accepted(importFiles(app, "personnel", false, csv(folder, "personnel.csv",
                "report_date,mission,contributing_country,category,women,men",
                "2020-11-30,MINUSCA,Rwanda,military_contingent,10,90",
                "2020-12-31,MINUSCA,Rwanda,military_contingent,20,80",
                "2020-12-31,MINUSCA,Nepal,military_contingent,5,95",
                "2020-12-31,MINUSCA,Nepal,individual_police,3,7",
                "2020-10-31,UNMISS,India,military_contingent,50,50",
                "2020-12-31,UNMISS,India,military_contingent,0,100")));
        accepted(importFiles(app, "allegation", false, csv(folder, "allegations.csv",
                "allegation_id,reported_on,mission,category,personnel_category,investigation_status,investigation_closed_on,paternity_claim",
                "A1,2020-01-10,MINUSCA,sexual_abuse,military,substantiated,2020-03-10,established",
                "A2,2020-02-01,MINUSCA,sexual_exploitation,police,not_substantiated,2020-06-30,pending",
                "A3,2020-03-01,MINUSCA,sexual_abuse,civilian,under_investigation,,none",
                "A4,2020-04-01,MINUSCA,other_misconduct,military,closed,2020-04-11,",
                "A5,2020-05-01,UNMISS,sexual_abuse,military,substantiated,2020-05-31,support_ordered")));
        List<String> minusca = Fixtures.pack().orgUnits().sitesOf("MINUSCA").stream().map(u -> u.code()).limit(3).toList();
        String unmiss = Fixtures.pack().orgUnits().sitesOf("UNMISS").get(0).code();
        accepted(importFiles(app, "site_environment", false, csv(folder, "sites.csv",
                "site,mission,assessed_on,pillar,risk_level",
                minusca.get(0) + ",MINUSCA,2020-06-30,wastewater,minimum",
                minusca.get(0) + ",MINUSCA,2020-06-30,energy,high",
                minusca.get(1) + ",MINUSCA,2020-06-30,wastewater,low",
                minusca.get(2) + ",MINUSCA,2020-12-31,wastewater,minimum",
                unmiss + ",UNMISS,2020-12-31,wastewater,high")));
        return app;
    }



    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void countsFatalitiesByMissionScopePeriodAndPersonnelType(String url) throws Exception {
        try (App app = load(url)) {
            assertThat(amount(app, "P4.FATALITIES_MALICIOUS", "MINUSCA", "2020")).isEqualTo(2); // F1, F2
            assertThat(amount(app, "P4.FATALITIES_MALICIOUS", "UNMISS", "2020")).isEqualTo(1); // F4
            assertThat(amount(app, "P4.FATALITIES_MALICIOUS", "PKO", "2020")).isEqualTo(3); // F1, F2, F4; not UNAMA's F6
            assertThat(amount(app, "P4.FATALITIES_MALICIOUS", "SPM", "2020")).isEqualTo(1); // F6
            assertThat(amount(app, "P4.FATALITIES_MALICIOUS", "PKO", "2021")).isEqualTo(1); // F5
            assertThat(amount(app, "P4.FATALITIES_MALICIOUS", "PKO", "2020-Q2")).isEqualTo(1); // F2
            assertThat(amount(app, "P4.FATALITIES_MALICIOUS", "MINUSCA", "2020-05")).isEqualTo(1); // F2; F3 is an accident
            assertThat(value(app, "P4.FATALITIES_MALICIOUS", "PKO", "2020", "personnel_type=military").value()).isEqualTo(2);
            assertThat(value(app, "P4.FATALITIES_MALICIOUS", "PKO", "2020", "personnel_type=police").value()).isEqualTo(1);
            assertThat(value(app, "P4.FATALITIES_MALICIOUS", "PKO", "2020", "").records()).isEqualTo(3);
            assertThat(amount(app, "P4.FATALITIES_ALL", "MINUSCA", "2020")).isEqualTo(3);
            assertThat(value(app, "P4.FATALITIES_ALL", "MINUSCA", "2020", "incident_type=accident").value()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void takesWomensSharesFromTheLastReportOfThePeriod(String url) throws Exception {
        try (App app = load(url)) {
            assertThat(amount(app, "WPS.WOMEN_TROOPS", "MINUSCA", "2020")).isEqualTo(12.5); // (20 + 5) / (100 + 100)
            assertThat(amount(app, "WPS.WOMEN_TROOPS", "MINUSCA", "2020-11")).isEqualTo(10); // 10 / 100
            assertThat(amount(app, "WPS.WOMEN_TROOPS", "UNMISS", "2020")).isEqualTo(0); // 0 / 100 on 2020-12-31
            assertThat(amount(app, "WPS.WOMEN_TROOPS", "PKO", "2020-Q4")).isCloseTo(100.0 * 25 / 300, within(1e-9));
            assertThat(value(app, "WPS.WOMEN_TROOPS", "MINUSCA", "2020", "").records()).isEqualTo(2);
            assertThat(amount(app, "WPS.WOMEN_IPO", "MINUSCA", "2020")).isEqualTo(30); // 3 / 10
            assertThat(amount(app, "WPS.WOMEN_UNIFORMED", "MINUSCA", "2020")).isCloseTo(100.0 * 28 / 210, within(1e-9));
            assertThat(value(app, "WPS.WOMEN_UNIFORMED", "MINUSCA", "2020", "category=individual_police").value()).isEqualTo(30);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void takesTheShareOfWomenInSeniorLeadershipFromTheLastReport(String url) throws Exception {
        try (App app = load(url)) {
            accepted(importFiles(app, "senior_staffing", false, csv(folder, "senior.csv", "report_date,mission,grade,women,men",
                    "2020-09-30,MINUSCA,usg,0,1", "2020-09-30,MINUSCA,asg,1,1",
                    "2020-12-31,MINUSCA,usg,1,0", "2020-12-31,MINUSCA,asg,1,1", "2020-12-31,MINUSCA,d1,2,4")));
            assertThat(amount(app, "WPS.WOMEN_SENIOR_LEADERSHIP", "MINUSCA", "2020")).isCloseTo(100.0 * 4 / 9, within(1e-9));
            assertThat(amount(app, "WPS.WOMEN_SENIOR_LEADERSHIP", "MINUSCA", "2020-Q3")).isCloseTo(100.0 / 3, within(1e-9));
            assertThat(value(app, "WPS.WOMEN_SENIOR_LEADERSHIP", "MINUSCA", "2020", "grade=d1").value()).isCloseTo(100.0 / 3, within(1e-9));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void dividesFatalitiesAndAllegationsByUniformedStrength(String url) throws Exception {
        try (App app = load(url)) {
            // Uniformed malicious-act deaths over the strength on the last report: MINUSCA F1, F2 over 210
            // (100 + 100 + 10 on 2020-12-31); all PKO: F1, F2, F4 over 210 + 100.
            assertThat(amount(app, "P4.FATALITY_RATE_MALICIOUS", "MINUSCA", "2020")).isCloseTo(10000.0 * 2 / 210, within(1e-9));
            assertThat(amount(app, "P4.FATALITY_RATE_MALICIOUS", "PKO", "2020")).isCloseTo(10000.0 * 3 / 310, within(1e-9));
            // SEA allegations against military or police (A1, A2) per 1,000 uniformed personnel.
            assertThat(amount(app, "P5.SEA_ALLEGATIONS_RATE", "MINUSCA", "2020")).isCloseTo(1000.0 * 2 / 210, within(1e-9));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void measuresSexualExploitationAndAbuseCases(String url) throws Exception {
        try (App app = load(url)) {
            assertThat(amount(app, "P5.SEA_ALLEGATIONS", "MINUSCA", "2020")).isEqualTo(3); // A1, A2, A3; A4 is not SEA
            assertThat(amount(app, "P5.SEA_ALLEGATIONS", "PKO", "2020")).isEqualTo(4);
            assertThat(value(app, "P5.SEA_ALLEGATIONS", "PKO", "2020", "personnel_category=military").value()).isEqualTo(2); // A1, A5
            assertThat(amount(app, "P5.SEA_INVESTIGATION_DAYS", "MINUSCA", "2020")).isEqualTo(105); // median of 60 and 150
            assertThat(amount(app, "P5.SEA_INVESTIGATION_DAYS", "PKO", "2020")).isEqualTo(60); // median of 30, 60, 150
            assertThat(amount(app, "P5.SEA_INVESTIGATIONS_CLOSED", "MINUSCA", "2020")).isCloseTo(200.0 / 3, within(1e-9));
            assertThat(amount(app, "P5.SEA_INVESTIGATIONS_CLOSED", "PKO", "2020")).isEqualTo(75);
            // Closed within 90 days: A1 (60 days) of A1, A2 (150), A3 (open); all PKO adds A5 (30 days).
            assertThat(amount(app, "P5.SEA_CLOSED_WITHIN_90_DAYS", "MINUSCA", "2020")).isCloseTo(100.0 / 3, within(1e-9));
            assertThat(amount(app, "P5.SEA_CLOSED_WITHIN_90_DAYS", "PKO", "2020")).isEqualTo(50);
            // Paternity claims: A1 established and A5 support ordered resolved; A2 pending; A3 has none.
            assertThat(amount(app, "P5.PATERNITY_CLAIMS_RESOLVED", "MINUSCA", "2020")).isEqualTo(50);
            assertThat(amount(app, "P5.PATERNITY_CLAIMS_RESOLVED", "PKO", "2020")).isCloseTo(200.0 / 3, within(1e-9));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void sharesOfSiteAssessmentsBySiteMissionAndScope(String url) throws Exception {
        try (App app = load(url)) {
            String site = Fixtures.pack().orgUnits().sitesOf("MINUSCA").get(0).code();
            assertThat(amount(app, "P5.WASTEWATER_MIN_RISK", site, "2020")).isEqualTo(100);
            assertThat(amount(app, "P5.WASTEWATER_MIN_RISK", "MINUSCA", "2020")).isCloseTo(200.0 / 3, within(1e-9));
            assertThat(amount(app, "P5.WASTEWATER_MIN_RISK", "PKO", "2020")).isEqualTo(50); // 2 of 4
            assertThat(amount(app, "P5.ENVIRONMENT_HIGH_RISK", "PKO", "2020")).isEqualTo(40); // 2 of 5
            assertThat(value(app, "P5.ENVIRONMENT_HIGH_RISK", "PKO", "2020", "pillar=wastewater").value()).isEqualTo(25); // 1 of 4
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void incrementalRefreshesMatchAFullRecomputation(String url) throws Exception {
        try (App app = load(url)) {
            accepted(importFiles(app, "fatality", false, csv(folder, "more.csv",
                    "casualty_id,incident_date,mission,personnel_type,incident_type",
                    "F7,2020-08-01,MINUSCA,military,malicious_act")));
            List<IndicatorValue> stored;
            try (Connection connection = app.database().dataSource().getConnection()) {
                stored = new ValueQuery().find(connection, new ValueQuery.Filter(null, null, null, null, false));
                List<IndicatorValue> recomputed = app.engine().compute(connection, app.pack().indicators(), null, null);
                assertThat(stored).containsExactlyInAnyOrderElementsOf(recomputed);
            }
            assertThat(amount(app, "P4.FATALITIES_MALICIOUS", "MINUSCA", "2020")).isEqualTo(3);
        }
    }
}
