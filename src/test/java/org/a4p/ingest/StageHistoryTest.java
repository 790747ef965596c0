package org.a4p.ingest;

import org.a4p.indicators.Grain;
import static org.a4p.support.Fixtures.accepted;
import static org.a4p.support.Fixtures.count;
import static org.a4p.support.Fixtures.csv;
import static org.a4p.support.Fixtures.importFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.a4p.app.App;
import org.a4p.indicators.IndicatorValue;
import org.a4p.indicators.ValueQuery;
import org.a4p.support.Fixtures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases that move through stages, reported across submissions with backdated and out-of-order history. */
class StageHistoryTest {
    static final String HEADER = "case_id,incident_date,mission,peacekeepers_killed,stage,stage_on";

    @TempDir
    Path folder;

    private static double value(App app, String indicator) throws Exception {
        try (Connection connection = app.database().dataSource().getConnection()) {
            List<IndicatorValue> values = new ValueQuery().find(connection, new ValueQuery.Filter(indicator, "MINUSCA", "2020", Grain.YEAR, true));
            assertThat(values).hasSize(1);
            return values.get(0).value();
        }
    }

    private static String reached(App app, String caseId, String stage) throws Exception {
        try (Connection connection = app.database().dataSource().getConnection();
             var statement = connection.prepareStatement("SELECT \"reached_" + stage + "_on\" FROM rec_attack_case WHERE \"case_id\" = ?")) {
            statement.setString(1, caseId);
            try (var rs = statement.executeQuery()) {
                rs.next();
                Object date = rs.getObject(1);
                return date == null ? null : date.toString();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void derivesStageDatesFromTheWholeHistoryWhateverOrderItArrivesIn(String url) throws Exception {
        try (App app = Fixtures.app(url)) {
            Path january = csv(folder, "january.csv", HEADER,
                    "C1,2020-01-05,MINUSCA,2,reported,2020-01-06",
                    "C2,2020-02-01,MINUSCA,1,arrested,2020-03-01");
            accepted(importFiles(app, "attack_case", false, january));
            assertThat(value(app, "P4.ATTACK_CASES_ARREST")).isEqualTo(50); // C2 of C1, C2
            assertThat(value(app, "P4.ATTACK_DAYS_TO_ARREST")).isEqualTo(29); // C2: 2020-02-01 to 2020-03-01

            // C1 is arrested; C2's identification of suspects is reported late, backdated before its arrest.
            accepted(importFiles(app, "attack_case", false, csv(folder, "april.csv", HEADER,
                    "C1,2020-01-05,MINUSCA,2,arrested,2020-04-01",
                    "C2,2020-02-01,MINUSCA,1,suspects_identified,2020-02-15")));
            assertThat(reached(app, "C2", "suspects_identified")).isEqualTo("2020-02-15");
            assertThat(reached(app, "C2", "arrested")).isEqualTo("2020-03-01"); // the later report does not undo the arrest
            assertThat(reached(app, "C2", "reported")).isEqualTo("2020-02-15"); // implied by the earliest later stage

            // An investigation dated after C1's arrest arrives last: history out of order, kept, with a warning.
            ImportOutcome.Accepted may = accepted(importFiles(app, "attack_case", false, csv(folder, "may.csv", HEADER,
                    "C1,2020-01-05,MINUSCA,2,under_investigation,2020-05-01")));
            assertThat(may.warnings()).extracting(RowIssue::message).containsExactly(
                    "may.csv row 2, column 'stage_on': history out of order: stage 'arrested' is dated 2020-04-01,"
                            + " before stage 'under_investigation' (2020-05-01); kept as reported");
            assertThat(reached(app, "C1", "reported")).isEqualTo("2020-01-06");
            assertThat(reached(app, "C1", "under_investigation")).isEqualTo("2020-04-01");
            assertThat(reached(app, "C1", "arrested")).isEqualTo("2020-04-01");
            assertThat(reached(app, "C1", "convicted")).isNull();
            assertThat(value(app, "P4.ATTACK_CASES_ARREST")).isEqualTo(100);
            assertThat(value(app, "P4.ATTACK_DAYS_TO_ARREST")).isEqualTo(58); // median of 87 (C1) and 29 (C2)
            assertThat(count(app, "SELECT COUNT(*) FROM stage_history WHERE record_type = 'attack_case'")).isEqualTo(5);

            // The January file again: every event is known, so nothing changes; the cases still show their latest stage.
            SubmissionSummary again = accepted(importFiles(app, "attack_case", false, january)).submissions().get(0);
            assertThat(List.of(again.added(), again.revised(), again.unchanged())).containsExactly(0, 0, 2);
            assertThat(count(app, "SELECT COUNT(*) FROM rec_attack_case WHERE \"case_id\" = 'C2' AND \"stage\" = 'arrested'")).isEqualTo(1);
            assertThat(reached(app, "C1", "arrested")).isEqualTo("2020-04-01");
            assertThat(count(app, "SELECT COUNT(*) FROM stage_history WHERE record_type = 'attack_case'")).isEqualTo(5);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void keepsTheDatedHistoryOfAnInvestigation(String url) throws Exception {
        try (App app = Fixtures.app(url)) {
            String header = "allegation_id,reported_on,mission,category,personnel_category,investigation_status,status_on";
            // Without a status date a row adds no event: files of the public data's shape still import.
            accepted(importFiles(app, "allegation", false, csv(folder, "march.csv", header,
                    "S1,2020-03-01,MINUSCA,sexual_abuse,military,preliminary_assessment,2020-03-02",
                    "S2,2020-03-05,MINUSCA,sexual_abuse,military,preliminary_assessment,")));
            // The investigation's start is reported in June, backdated to 2020-03-20; S2's the same day.
            accepted(importFiles(app, "allegation", false, csv(folder, "june.csv", header,
                    "S1,2020-03-01,MINUSCA,sexual_abuse,military,under_investigation,2020-03-20",
                    "S2,2020-03-05,MINUSCA,sexual_abuse,military,under_investigation,2020-03-15")));
            assertThat(count(app, "SELECT COUNT(*) FROM stage_history WHERE record_type = 'allegation'")).isEqualTo(3);
            try (Connection connection = app.database().dataSource().getConnection()) {
                List<IndicatorValue> values = new ValueQuery().find(connection,
                        new ValueQuery.Filter("P5.SEA_DAYS_TO_INVESTIGATION", "MINUSCA", "2020", Grain.YEAR, true));
                assertThat(values).hasSize(1);
                assertThat(values.get(0).value()).isEqualTo(14.5); // median of 19 (S1) and 10 (S2)
            }
        }
    }
}
