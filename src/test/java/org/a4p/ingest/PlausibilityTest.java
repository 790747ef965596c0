package org.a4p.ingest;

import static org.a4p.support.Fixtures.accepted;
import static org.a4p.support.Fixtures.count;
import static org.a4p.support.Fixtures.csv;
import static org.a4p.support.Fixtures.importFiles;
import static org.a4p.support.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.a4p.app.App;
import org.a4p.support.Fixtures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pack's plausibility rules on small files, each on a fresh H2 and PostgreSQL database: a
 * group and month far outside the group's own recent months is held back, with what it was
 * compared with, and flagged in every figure when the user accepts it; noise and gradual change
 * are not.
 */
class PlausibilityTest {
    static final String PERSONNEL = "report_date,mission,contributing_country,category,women,men";
    static final String FATALITY = "casualty_id,incident_date,mission,personnel_type,incident_type";
    static final String[] MONTH_ENDS = {"2019-01-31", "2019-02-28", "2019-03-31", "2019-04-30", "2019-05-31", "2019-06-30",
            "2019-07-31", "2019-08-31", "2019-09-30", "2019-10-31", "2019-11-30", "2019-12-31", "2020-01-31", "2020-02-29"};
    static final String ADVICE = ". Check these rows; to accept them as reported, import again with --accept-implausible and they"
            + " will be flagged in every figure that uses them";

    @TempDir
    Path folder;

    /**
     * Eight months in which MINUSCA's Rwandan troops are 5% women and MINUSMA's Chadian team 50%,
     * 60 women of 1,020 troops in all; then, in September, Rwanda sends 100 troops (5 women) and Chad
     * 1,800 (900 women). Each mission's share is what it always was, but the scope's jumps to 905 of
     * 1,900.
     */
    private static List<String> shiftOfWeight() {
        List<String> rows = new ArrayList<>(List.of(PERSONNEL));
        for (int m = 0; m < 8; m++) {
            rows.add(MONTH_ENDS[m] + ",MINUSCA,Rwanda,military_contingent,50,950");
            rows.add(MONTH_ENDS[m] + ",MINUSMA,Chad,military_contingent,10,10");
        }
        rows.add("2019-09-30,MINUSCA,Rwanda,military_contingent,5,95");
        rows.add("2019-09-30,MINUSMA,Chad,military_contingent,900,900");
        return rows;
    }

    private Path file(String name, List<String> lines) throws Exception {
        return csv(folder, name, lines.toArray(String[]::new));
    }

    private static List<String> messages(ImportOutcome outcome) {
        assertThat(outcome).isInstanceOf(ImportOutcome.Rejected.class);
        return ((ImportOutcome.Rejected) outcome).errors().stream().map(RowIssue::message).toList();
    }

    private static ImportOutcome acceptingImplausible(App app, String type, Path file) {
        return app.importer().run(new ImportRequest(type, null, List.of(ImportFile.of(file)), false, false, "test", true), Progress.NONE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void holdsBackAScopeMonthWhoseShareIsAbsurdAlthoughEveryMissionIsUnremarkable(String url) throws Exception {
        try (App app = Fixtures.app(url)) {
            ImportOutcome outcome = importFiles(app, "personnel", false, file("troops.csv", shiftOfWeight()));

            // History, from the file's own earlier months: 60 / 1,020 = 5.88% each month, no deviation, so the spread is
            // its floor over September's 1,900 troops: p = (0.0588 * 1900 + 1) / 1902 = 0.0593, sqrt(p (1 - p) / 1900) =
            // 0.54 points. September: 905 / 1,900 = 47.6%, 8.1 times 5.88%, (47.63 - 5.88) / 0.54 = 77.1 spreads.
            assertThat(messages(outcome)).containsExactly("troops.csv: implausible (rule women_share_troops): scope PKO,"
                    + " category military_contingent, month 2019-09: women / (women + men) is 47.6% (905 of 1,900); the 8 preceding"
                    + " months with a value: median 5.9%, spread 0.54 points; 47.6% is 8.1 times the median and 77.1 spreads from"
                    + " it; rows 18, 19" + ADVICE);
            assertThat(count(app, "SELECT COUNT(*) FROM rec_personnel")).isZero();
            assertThat(count(app, "SELECT COUNT(*) FROM submission WHERE status = 'submitted'")).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void comparesANewMonthWithTheStoredMonthsBeforeIt(String url) throws Exception {
        try (App app = Fixtures.app(url)) {
            List<String> rows = shiftOfWeight();
            accepted(importFiles(app, "personnel", false, file("jan-aug.csv", rows.subList(0, 17))));
            Path september = file("september.csv", List.of(PERSONNEL, rows.get(17), rows.get(18)));
            assertThat(messages(importFiles(app, "personnel", false, september))).singleElement().asString()
                    .startsWith("september.csv: implausible (rule women_share_troops): scope PKO, category military_contingent,"
                            + " month 2019-09: women / (women + men) is 47.6% (905 of 1,900); the 8 preceding months")
                    .contains("; rows 2, 3. Check these rows");

            // The month as the others: 60 / 1,020 = 5.9%.
            accepted(importFiles(app, "personnel", false, file("september-fixed.csv", List.of(PERSONNEL,
                    "2019-09-30,MINUSCA,Rwanda,military_contingent,50,950", "2019-09-30,MINUSMA,Chad,military_contingent,10,10"))));
            assertThat(count(app, "SELECT COUNT(*) FROM rec_personnel")).isEqualTo(18);
            assertThat(count(app, "SELECT COUNT(*) FROM rec_personnel WHERE flagged")).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void acceptedOnRequestTheMonthIsFlaggedInEveryFigureThatUsesIt(String url) throws Exception {
        try (App app = Fixtures.app(url)) {
            ImportOutcome.Accepted taken = accepted(acceptingImplausible(app, "personnel", file("troops.csv", shiftOfWeight())));

            assertThat(taken.implausible()).singleElement().extracting(RowIssue::message).asString()
                    .startsWith("troops.csv: implausible (rule women_share_troops): scope PKO")
                    .endsWith("rows 18, 19; accepted on request and flagged in every figure that uses these rows");
            assertThat(count(app, "SELECT COUNT(*) FROM rec_personnel WHERE flagged")).isEqualTo(2);
            assertThat(count(app, "SELECT COUNT(*) FROM rec_personnel WHERE flagged AND \"report_date\" <> DATE '2019-09-30'")).isZero();
            assertThat(value(app, "WPS.WOMEN_TROOPS", "PKO", "2019-09", "").value()).isCloseTo(100.0 * 905 / 1900, within(1e-9));
            assertThat(value(app, "WPS.WOMEN_TROOPS", "PKO", "2019-09", "").flagged()).isTrue();
            assertThat(value(app, "WPS.WOMEN_TROOPS", "MINUSMA", "2019-09", "").flagged()).isTrue();
            assertThat(value(app, "WPS.WOMEN_TROOPS", "PKO", "2019-Q3", "").flagged()).isTrue(); // September is Q3's last report
            assertThat(value(app, "WPS.WOMEN_TROOPS", "PKO", "2019", "").flagged()).isTrue();
            assertThat(value(app, "WPS.WOMEN_TROOPS", "PKO", "2019-08", "").flagged()).isFalse();
            assertThat(value(app, "WPS.WOMEN_TROOPS", "PKO", "2019-Q2", "").flagged()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void holdsBackAMissionsMonthOfDeathsFarAboveItsOwnHistory(String url) throws Exception {
        try (App app = Fixtures.app(url)) {
            List<String> rows = new ArrayList<>(List.of(FATALITY));
            for (int m = 0; m < 8; m++) {
                rows.add("C-" + m + "-1," + MONTH_ENDS[m] + ",MINUSCA,military,malicious_act");
                rows.add("C-" + m + "-2," + MONTH_ENDS[m] + ",MINUSCA,military,accident");
            }
            for (int i = 0; i < 500; i++) {
                rows.add("S-" + i + ",2019-09-15,MINUSCA,military,malicious_act");
            }
            ImportOutcome outcome = importFiles(app, "fatality", false, file("deaths.csv", rows));

            // 2 deaths a month, no deviation: spread sqrt(2) = 1.41; 500 is 250 times 2, (500 - 2) / 1.41 = 352.1 spreads.
            // 250 times is above the mission rule's 200 and the scope rule's 40; the file's rows 18 to 517.
            String history = "the 8 preceding months (a month without records counts 0): median 2, spread 1.4; 500 is 250 times the"
                    + " median and 352.1 spreads from it; rows 18, 19, 20, 21, 22 and 495 more (500 rows)";
            assertThat(messages(outcome)).containsExactly(
                    "deaths.csv: implausible (rule deaths_per_mission_month): mission MINUSCA, month 2019-09: the count of fatality"
                            + " records is 500; " + history + ADVICE,
                    "deaths.csv: implausible (rule deaths_per_scope_month): scope PKO, month 2019-09: the count of fatality"
                            + " records is 500; " + history + ADVICE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void aSmallGroupsNoiseAroundAMedianOfZeroIsNotFlagged(String url) throws Exception {
        try (App app = Fixtures.app(url)) {
            List<String> troops = new ArrayList<>(List.of(PERSONNEL));
            List<String> deaths = new ArrayList<>(List.of(FATALITY));
            for (int m = 0; m < 8; m++) {
                troops.add(MONTH_ENDS[m] + ",UNFICYP,Chile,military_contingent,0,3");
            }
            deaths.add("D-1,2019-02-10,UNFICYP,military,accident");
            // September: one woman of three troops (33%, against 0%); five deaths against a median of 0.
            troops.add("2019-09-30,UNFICYP,Chile,military_contingent,1,2");
            for (int i = 0; i < 5; i++) {
                deaths.add("D-S" + i + ",2019-09-03,UNFICYP,military,accident");
            }
            ImportOutcome.Accepted personnel = accepted(importFiles(app, "personnel", false, file("troops.csv", troops)));
            ImportOutcome.Accepted fatalities = accepted(importFiles(app, "fatality", false, file("deaths.csv", deaths)));

            // 1/3 from a median of 0: the spread floor over 3 troops is sqrt(0.2 * 0.8 / 3) = 23 points, 1.4 spreads. Five
            // deaths are five times the median floored at 1, far below 200 times.
            assertThat(personnel.implausible()).isEmpty();
            assertThat(fatalities.implausible()).isEmpty();
            assertThat(count(app, "SELECT COUNT(*) FROM rec_personnel WHERE flagged")
                    + count(app, "SELECT COUNT(*) FROM rec_fatality WHERE flagged")).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void aGradualRiseIsNotFlagged(String url) throws Exception {
        try (App app = Fixtures.app(url)) {
            // Women among MINUSCA's 1,000 Rwandan troops from 2% to 15%, one point a month: each month is at most
            // 14 / 7.5 = 1.9 times the median of its preceding months (December 2019 against January to November).
            List<String> rows = new ArrayList<>(List.of(PERSONNEL));
            for (int m = 0; m < MONTH_ENDS.length; m++) {
                rows.add(MONTH_ENDS[m] + ",MINUSCA,Rwanda,military_contingent," + (20 + 10 * m) + "," + (980 - 10 * m));
            }
            ImportOutcome.Accepted taken = accepted(importFiles(app, "personnel", false, file("rise.csv", rows)));
            assertThat(taken.implausible()).isEmpty();
            assertThat(count(app, "SELECT COUNT(*) FROM rec_personnel")).isEqualTo(MONTH_ENDS.length);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void reimportingAnAcceptedMonthUnchangedJudgesNothing(String url) throws Exception {
        try (App app = Fixtures.app(url)) {
            Path troops = file("troops.csv", shiftOfWeight());
            accepted(acceptingImplausible(app, "personnel", troops));
            ImportOutcome.Accepted again = accepted(importFiles(app, "personnel", false, troops));
            assertThat(again.submissions().get(0).unchanged()).isEqualTo(18);
            assertThat(again.implausible()).isEmpty();
            assertThat(count(app, "SELECT COUNT(*) FROM rec_personnel WHERE flagged")).isEqualTo(2);
        }
    }
}
