package org.a4p.ingest;

import static org.a4p.support.Fixtures.accepted;
import static org.a4p.support.Fixtures.count;
import static org.a4p.support.Fixtures.csv;
import static org.a4p.support.Fixtures.importFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.a4p.app.App;
import org.a4p.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A layout is authoritative on content, never on structure: control characters, dates after today,
 * dates long before a mission began and totals that do not add up are errors in every layout.
 */
class StructuralChecksTest {
    static final String OWN = "casualty_id,incident_date,mission,personnel_type,incident_type,gender,nationality,name";
    static final String UN_FATALITIES = "id,incident_date,casualty_id,mission_acronym,type_of_casualty,gender,casualty_nationality,"
            + "casualty_personnel_type,type_of_incident,m49_code,isocode3,last_update";
    static final String UN_CONTRIBUTIONS = "report_date,mission_acronym,contributing_country,personnel_type,male,female,total";

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void refusesControlCharactersInAnyColumnAndKeepsRestrictedValuesOut(String url) throws Exception {
        try (App app = Fixtures.app(url)) {
            Path file = csv(folder, "controls.csv", OWN + ",notes",
                    "MINUSCA-2020-01-00001,2020-01-15,MINUSCA,military,malicious_act,M,BGD,Person\u0000A,",
                    "MINUSCA-2020-01-00002,2020-01-15,MINUSCA,military,malicious_act,M,BGD,,see \u001b[31mred",
                    "MINUSCA-2020-01-00003,2020-01-15,MINUSCA,military,malicious_act,M,BGD,,file\u202Etxt.exe",
                    "MINUSCA-2020-01-00004,2020-01-15,MINUSCA,military,malicious_act,M,BGD,\"Line one\nline two\",\ttabbed");
            List<String> messages = errors(importFiles(app, "fatality", false, file));
            assertThat(messages).containsExactly(
                    "controls.csv row 2, column 'name': expected text without control characters, found U+0000 at character 7"
                            + " (value withheld: restricted field)",
                    "controls.csv row 3, column 'notes': expected text without control characters, found U+001B at character 5,"
                            + " got 'see \\u001B[31mred'",
                    "controls.csv row 4, column 'notes': expected text without control characters, found U+202E at character 5,"
                            + " got 'file\\u202Etxt.exe'");
            assertThat(String.join("\n", messages)).doesNotContain("Person");
            assertThat(count(app, "SELECT COUNT(*) FROM rec_fatality")).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void refusesADateAfterTodayAndTakesToday(String url) throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate later = today.plusDays(2);
        try (App app = Fixtures.app(url)) {
            Path file = csv(folder, "future.csv", OWN,
                    "MINUSCA-2020-01-00001," + today + ",MINUSCA,military,accident,M,BGD,",
                    "MINUSCA-2020-01-00002," + later + ",MINUSCA,military,accident,M,BGD,");
            assertThat(errors(importFiles(app, "fatality", false, file))).containsExactly(
                    "future.csv row 3, column 'incident_date': expected a date no later than today, got '" + later + "'");

            Path good = csv(folder, "today.csv", OWN, "MINUSCA-2020-01-00001," + today + ",MINUSCA,military,accident,M,BGD,");
            accepted(importFiles(app, "fatality", false, good));
            assertThat(count(app, "SELECT COUNT(*) FROM rec_fatality")).isEqualTo(1);
        }
    }

    @Test
    void aDueDateMayLieAhead() {
        assertThat(Fixtures.pack().recordType("political_milestone").orElseThrow().field("due_on").orElseThrow().mayBeFuture()).isTrue();
        assertThat(Fixtures.pack().recordType("fatality").orElseThrow().field("incident_date").orElseThrow().mayBeFuture()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void thePublishedLayoutWarnsWithinTheGraceBeforeAMissionsStartAndRefusesEarlier(String url) throws Exception {
        // MINUSCA began on 2014-04-10; the layout's grace is 183 days.
        try (App app = Fixtures.app(url)) {
            Path early = csv(folder, "early.csv", UN_FATALITIES,
                    "1,2014-01-10,MINUSCA-2014-01-00001,MINUSCA,Fatality,M,Bangladesh,Military,Accident,50.0,BGD,2023-11-28",
                    "2,2011-04-10,MINUSCA-2011-04-00002,MINUSCA,Fatality,M,Bangladesh,Military,Accident,50.0,BGD,2023-11-28");
            assertThat(errors(importFiles(app, "fatality", false, early))).containsExactly(
                    "early.csv row 3, column 'incident_date': expected a date no earlier than 183 days before the start of MINUSCA"
                            + " (2014-04-10 to today): this one is 1096 days before it, got '2011-04-10'");

            Path withinGrace = csv(folder, "grace.csv", UN_FATALITIES,
                    "1,2014-01-10,MINUSCA-2014-01-00001,MINUSCA,Fatality,M,Bangladesh,Military,Accident,50.0,BGD,2023-11-28");
            ImportOutcome.Accepted outcome = accepted(importFiles(app, "fatality", false, withinGrace));
            assertThat(outcome.warnings()).extracting(RowIssue::message).containsExactly(
                    "grace.csv row 2, column 'incident_date': '2014-01-10' is outside the life of MINUSCA (2014-04-10 to today);"
                            + " kept, as the published dataset is authoritative");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void refusesAFutureSnapshotDate(String url) throws Exception {
        LocalDate later = LocalDate.now(ZoneOffset.UTC).plusDays(3);
        try (App app = Fixtures.app(url)) {
            Path file = csv(folder, "snapshot.csv", UN_FATALITIES,
                    "1,2020-01-10,MINUSCA-2020-01-00001,MINUSCA,Fatality,M,Bangladesh,Military,Accident,50.0,BGD," + later);
            assertThat(errors(importFiles(app, "fatality", false, file))).containsExactly(
                    "snapshot.csv row 2, column 'last_update': expected a date no later than today, got '" + later + "'");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void refusesATotalThatIsNotTheSumOfItsParts(String url) throws Exception {
        try (App app = Fixtures.app(url)) {
            Path file = csv(folder, "contributions.csv", UN_CONTRIBUTIONS,
                    "2020-01-31,MINUSCA,Rwanda,Troops,1200,100,1300",
                    "2020-01-31,MINUSCA,Bangladesh,Troops,900,50,905",
                    "2020-01-31,MINUSCA,Nepal,Troops,700,40,many");
            assertThat(errors(importFiles(app, "personnel", false, file))).containsExactly(
                    "contributions.csv row 3, column 'total': expected the total of male + female, which is 950, got '905'",
                    "contributions.csv row 4, column 'total': expected a number (the total of male + female), got 'many'");
            assertThat(count(app, "SELECT COUNT(*) FROM rec_personnel")).isZero();

            Path noTotal = csv(folder, "no-total.csv", "report_date,mission_acronym,contributing_country,personnel_type,male,female",
                    "2020-01-31,MINUSCA,Rwanda,Troops,1200,100");
            accepted(importFiles(app, "personnel", false, noTotal));
            assertThat(count(app, "SELECT COUNT(*) FROM rec_personnel")).isEqualTo(1);
        }
    }

    private static List<String> errors(ImportOutcome outcome) {
        assertThat(outcome).isInstanceOf(ImportOutcome.Rejected.class);
        return ((ImportOutcome.Rejected) outcome).errors().stream().map(RowIssue::message).toList();
    }
}
