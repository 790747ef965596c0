package org.a4p.ingest;

import static org.a4p.support.Fixtures.accepted;
import static org.a4p.support.Fixtures.count;
import static org.a4p.support.Fixtures.csv;
import static org.a4p.support.Fixtures.importFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.a4p.app.App;
import org.a4p.support.Fixtures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The importer on H2 and on a real PostgreSQL: every rejection rule, idempotence, revisions, snapshots. */
class ImporterTest {
    static final String HEADER = "casualty_id,incident_date,mission,personnel_type,incident_type,gender,nationality,name";

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void writesAGoodFileAsOneSubmission(String url) throws Exception {
        try (App app = Fixtures.app(url)) {
            Path file = csv(folder, "fatalities.csv", HEADER,
                    "MINUSCA-2020-01-00001,2020-01-15,MINUSCA,military,malicious_act,M,BGD,Person A",
                    "MINUSCA-2020-02-00002,2020-02-15,MINUSCA,police,accident,F,RWA,Person B");
            ImportOutcome.Accepted outcome = accepted(importFiles(app, "fatality", false, file));
            SubmissionSummary submission = outcome.submissions().get(0);
            assertThat(List.of(submission.rowsRead(), submission.added(), submission.revised(), submission.unchanged(), submission.retired()))
                    .containsExactly(2, 2, 0, 0, 0);
            assertThat(submission.layout()).isEqualTo("fatality");
            assertThat(submission.contentSha256()).hasSize(64);
            assertThat(count(app, "SELECT COUNT(*) FROM rec_fatality WHERE submission_id = " + submission.id())).isEqualTo(2);
            assertThat(count(app, "SELECT COUNT(*) FROM submission")).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void rejectsEveryBadRowAndWritesNothing(String url) throws Exception {
        try (App app = Fixtures.app(url)) {
            Path file = csv(folder, "bad.csv", HEADER,
                    "MINUSCA-2020-01-00001,2020-01-15,MINUSCA,military,malicious_act,M,BGD,",
                    "MINUSCA-2020-01-00002,31/02/2020,MINUSCA,military,malicious_act,M,BGD,",
                    "MINUSCA-2020-01-00003,2020-01-15,NOPE,military,malicious_act,M,BGD,",
                    "MINUSCA-2020-01-00004,2020-01-15,MINUSCA,soldier,malicious_act,M,BGD,",
                    "MINUSCA-2020-01-00005,2020-01-15,MINUSCA,military,,M,BGD,",
                    "MINUSCA-2020-01-00006,2020-01-15,MINUSCA,military,malicious_act,M,bangladesh,",
                    "MINUSCA-2020-01-00007,2013-01-15,MINUSCA,military,malicious_act,M,BGD,",
                    "MINUSCA-2020-01-00001,2020-01-16,MINUSCA,military,malicious_act,M,BGD,",
                    "MINUSCA 2020/01,2020-01-15,MINUSCA,military,malicious_act,X,BGD,");
            ImportOutcome outcome = importFiles(app, "fatality", false, file);
            assertThat(outcome).isInstanceOf(ImportOutcome.Rejected.class);
            List<String> messages = ((ImportOutcome.Rejected) outcome).errors().stream().map(RowIssue::message).toList();
            assertThat(messages).containsExactlyInAnyOrder(
                    "bad.csv row 3, column 'incident_date': expected a date like 2020-03-31, got '31/02/2020'",
                    "bad.csv row 4, column 'mission': expected a known mission acronym such as MINUSCA or UNMISS, got 'NOPE'",
                    "bad.csv row 5, column 'personnel_type': expected one of military, military_observer, police, international_civilian,"
                            + " local_civilian, other (code list personnel_type), got 'soldier'",
                    "bad.csv row 6, column 'incident_type': expected a value: incident_type is required, got ''",
                    "bad.csv row 7, column 'nationality': expected text matching [A-Z]{3}, got 'bangladesh'",
                    "bad.csv row 8, column 'incident_date': expected a date within the life of MINUSCA (2014-04-10 to today), got '2013-01-15'",
                    "bad.csv row 9, column 'casualty_id': expected a unique record: this row repeats the key"
                            + " casualty_id=MINUSCA-2020-01-00001 of row 2",
                    "bad.csv row 10, column 'casualty_id': expected text matching [A-Za-z0-9][A-Za-z0-9 -]*, got 'MINUSCA 2020/01'",
                    "bad.csv row 10, column 'gender': expected one of F, M (code list gender), got 'X'");
            assertThat(count(app, "SELECT COUNT(*) FROM submission WHERE status <> 'rejected'")).isZero();
            assertThat(count(app, "SELECT COUNT(*) FROM submission WHERE status = 'rejected'")).isEqualTo(1); // the attempt is on record
            assertThat(count(app, "SELECT COUNT(*) FROM rec_fatality")).isZero();
            assertThat(count(app, "SELECT COUNT(*) FROM indicator_value WHERE indicator_id NOT LIKE 'DATA.%'")).isZero();
            assertThat(count(app, "SELECT COUNT(*) FROM rec_import_attempt WHERE \"rejected\" AND \"errors\" = 9")).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void rejectsNumbersOutOfRangeAndSitesOfAnotherMission(String url) throws Exception {
        try (App app = Fixtures.app(url)) {
            Path personnel = csv(folder, "personnel.csv", "report_date,mission,contributing_country,category,women,men",
                    "2020-01-31,MINUSCA,Rwanda,military_contingent,-1,100",
                    "2020-01-31,MINUSCA,Nepal,military_contingent,2.5,100",
                    "2020-01-31,MINUSCA,Peru,military_contingent,3,200000");
            List<String> messages = ((ImportOutcome.Rejected) importFiles(app, "personnel", false, personnel)).errors().stream()
                    .map(RowIssue::message).toList();
            assertThat(messages).containsExactly(
                    "personnel.csv row 2, column 'women': expected at least 0, got '-1'",
                    "personnel.csv row 3, column 'women': expected a whole number, got '2.5'",
                    "personnel.csv row 4, column 'men': expected at most 100000, got '200000'");
            String site = Fixtures.pack().orgUnits().sitesOf("UNMISS").get(0).code();
            Path sites = csv(folder, "sites.csv", "site,mission,assessed_on,pillar,risk_level",
                    site + ",MINUSCA,2020-06-30,wastewater,minimum");
            List<String> siteMessages = ((ImportOutcome.Rejected) importFiles(app, "site_environment", false, sites)).errors().stream()
                    .map(RowIssue::message).toList();
            assertThat(siteMessages).containsExactly(
                    "sites.csv row 2, column 'site': expected a site of MINUSCA (this site belongs to UNMISS), got '" + site + "'");
            assertThat(count(app, "SELECT COUNT(*) FROM submission WHERE status <> 'rejected'")).isZero();
            assertThat(count(app, "SELECT COUNT(*) FROM submission WHERE status = 'rejected'")).isEqualTo(2); // both attempts are on record
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void oneBadFileRejectsTheWholeImport(String url) throws Exception {
        try (App app = Fixtures.app(url)) {
            Path good = csv(folder, "good.csv", HEADER, "MINUSCA-2020-01-00001,2020-01-15,MINUSCA,military,malicious_act,M,BGD,");
            Path bad = csv(folder, "bad.csv", HEADER, "MINUSCA-2020-01-00002,2020-01-15,MINUSCA,military,malice,M,BGD,");
            ImportOutcome outcome = importFiles(app, "fatality", false, good, bad);
            assertThat(outcome).isInstanceOf(ImportOutcome.Rejected.class);
            assertThat(count(app, "SELECT COUNT(*) FROM rec_fatality")).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void importingTheSameFileTwiceChangesNothing(String url) throws Exception {
        try (App app = Fixtures.app(url)) {
            Path file = csv(folder, "fatalities.csv", HEADER,
                    "MINUSCA-2020-01-00001,2020-01-15,MINUSCA,military,malicious_act,M,BGD,Person A",
                    "MINUSCA-2020-02-00002,2020-02-15,MINUSCA,police,accident,F,RWA,");
            accepted(importFiles(app, "fatality", false, file));
            long values = count(app, "SELECT COUNT(*) FROM indicator_value");
            SubmissionSummary second = accepted(importFiles(app, "fatality", false, file)).submissions().get(0);
            assertThat(List.of(second.added(), second.revised(), second.unchanged(), second.retired())).containsExactly(0, 0, 2, 0);
            assertThat(count(app, "SELECT COUNT(*) FROM rec_fatality")).isEqualTo(2);
            assertThat(count(app, "SELECT COUNT(*) FROM record_history")).isZero();
            assertThat(count(app, "SELECT COUNT(*) FROM indicator_value")).isEqualTo(values);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void aNewerVersionRevisesRecordsAndKeepsTheOldOnesInHistory(String url) throws Exception {
        try (App app = Fixtures.app(url)) {
            accepted(importFiles(app, "fatality", false, csv(folder, "v1.csv", HEADER,
                    "MINUSCA-2020-01-00001,2020-01-15,MINUSCA,military,to_be_determined,M,BGD,Person A",
                    "MINUSCA-2020-02-00002,2020-02-15,MINUSCA,police,accident,F,RWA,")));
            ImportOutcome.Accepted second = accepted(importFiles(app, "fatality", false, csv(folder, "v2.csv", HEADER,
                    "MINUSCA-2020-01-00001,2020-01-15,MINUSCA,military,malicious_act,M,BGD,Person B",
                    "MINUSCA-2020-02-00002,2020-02-15,MINUSCA,police,accident,F,RWA,",
                    "MINUSCA-2020-03-00003,2020-03-15,MINUSCA,police,illness,F,RWA,")));
            SubmissionSummary summary = second.submissions().get(0);
            assertThat(List.of(summary.added(), summary.revised(), summary.unchanged())).containsExactly(1, 1, 1);
            assertThat(second.changes()).containsExactly(new ImportOutcome.Change("v2.csv", "casualty_id=MINUSCA-2020-01-00001",
                    "revised", List.of("incident_type", "name")));
            assertThat(count(app, "SELECT COUNT(*) FROM record_history WHERE record_type = 'fatality' AND data_json LIKE '%to_be_determined%'"))
                    .isEqualTo(1);
            assertThat(count(app, "SELECT COUNT(*) FROM submission_change WHERE change_kind = 'revised'")).isEqualTo(1);
            assertThat(count(app, "SELECT row_version FROM rec_fatality WHERE \"casualty_id\" = 'MINUSCA-2020-01-00001'")).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void retiresMissingRecordsOnlyWhenToldTheFileIsTheWholeDataset(String url) throws Exception {
        try (App app = Fixtures.app(url)) {
            accepted(importFiles(app, "fatality", false, csv(folder, "full.csv", HEADER,
                    "MINUSCA-2020-01-00001,2020-01-15,MINUSCA,military,malicious_act,M,BGD,",
                    "MINUSCA-2020-02-00002,2020-02-15,MINUSCA,police,accident,F,RWA,")));
            Path extract = csv(folder, "extract.csv", HEADER, "MINUSCA-2020-01-00001,2020-01-15,MINUSCA,military,malicious_act,M,BGD,");
            SubmissionSummary partial = accepted(importFiles(app, "fatality", false, extract)).submissions().get(0);
            assertThat(partial.retired()).isZero();
            assertThat(count(app, "SELECT COUNT(*) FROM rec_fatality WHERE retired_by IS NULL")).isEqualTo(2);

            ImportOutcome.Accepted whole = accepted(importFiles(app, "fatality", true, extract));
            assertThat(whole.submissions().get(0).retired()).isEqualTo(1);
            assertThat(whole.changes()).extracting(ImportOutcome.Change::kind, ImportOutcome.Change::recordKey)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("retired", "casualty_id=MINUSCA-2020-02-00002"));
            assertThat(count(app, "SELECT COUNT(*) FROM rec_fatality")).isEqualTo(2);
            assertThat(count(app, "SELECT COUNT(*) FROM rec_fatality WHERE retired_by IS NULL")).isEqualTo(1);
            assertThat(count(app, "SELECT COUNT(*) FROM record_history")).isEqualTo(1);
            assertThat(count(app, "SELECT records FROM indicator_value WHERE indicator_id = 'P4.FATALITIES_ALL'"
                    + " AND org_unit = 'MINUSCA' AND period = '2020' AND disaggregation = ''")).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void neverShowsARestrictedValueInAnError(String url) throws Exception {
        try (App app = Fixtures.app(url)) {
            String secret = "Secret Name " + "x".repeat(4100);
            Path file = csv(folder, "restricted.csv", HEADER, "MINUSCA-2020-01-00001,2020-01-15,MINUSCA,military,malicious_act,M,BGD," + secret);
            List<RowIssue> errors = ((ImportOutcome.Rejected) importFiles(app, "fatality", false, file)).errors();
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).message()).doesNotContain("Secret").contains("column 'name'").contains("withheld");
        }
    }
}
