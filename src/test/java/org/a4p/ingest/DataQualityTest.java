package org.a4p.ingest;

import static org.a4p.support.Fixtures.accepted;
import static org.a4p.support.Fixtures.amount;
import static org.a4p.support.Fixtures.count;
import static org.a4p.support.Fixtures.csv;
import static org.a4p.support.Fixtures.importFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.a4p.app.App;
import org.a4p.indicators.IndicatorValue;
import org.a4p.indicators.ValueQuery;
import org.a4p.support.Fixtures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The DATA indicators the system computes from what the imports did. */
class DataQualityTest {
    static final String HEADER = "report_date,mission,contributing_country,category,women,men";

    static final String CONSULTS = "consult_id,consulted_on,mission,site,consult_type,mental_health";
    static final String UN_FATALITIES = "id,incident_date,casualty_id,mission_acronym,type_of_casualty,gender,casualty_nationality,"
            + "casualty_personnel_type,type_of_incident,m49_code,isocode3,last_update";

    @TempDir
    Path folder;

    private static String thisYear() {
        return Integer.toString(LocalDate.now(ZoneOffset.UTC).getYear());
    }

    private static ImportOutcome importImplausible(App app, Path file) {
        return app.importer().run(new ImportRequest("personnel", null, List.of(ImportFile.of(file)), false, false, "test", true),
                Progress.NONE);
    }

    private static double value(App app, String indicator, String orgUnit, String period) throws Exception {
        try (Connection connection = app.database().dataSource().getConnection()) {
            List<IndicatorValue> values = new ValueQuery().find(connection, new ValueQuery.Filter(indicator, orgUnit, period, null, true));
            assertThat(values).as("%s %s %s", indicator, orgUnit, period).hasSize(1);
            return values.get(0).value();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void measuresCompletenessTimelinessAndRejections(String url) throws Exception {
        try (App app = Fixtures.app(url)) {
            accepted(importFiles(app, "personnel", false, csv(folder, "reports.csv", HEADER,
                    "2020-01-31,MINUSCA,Rwanda,military_contingent,5,95",
                    "2020-02-29,MINUSCA,Rwanda,military_contingent,5,95",
                    "2020-01-31,UNMISS,India,military_contingent,5,95")));
            // MINUSCA owed 12 monthly reports in 2020 and 2 arrived; UNMISS 1 of 12.
            assertThat(value(app, "DATA.REPORTING_COMPLETENESS", "MINUSCA", "2020")).isCloseTo(100.0 * 2 / 12, within(1e-9));
            assertThat(value(app, "DATA.REPORTING_COMPLETENESS", "UNMISS", "2020")).isCloseTo(100.0 / 12, within(1e-9));
            assertThat(value(app, "DATA.REPORTING_COMPLETENESS", "MINUSCA", "2020-02")).isEqualTo(100);
            assertThat(value(app, "DATA.REPORTING_COMPLETENESS", "MINUSCA", "2020-03")).isZero();
            // Both arrived today: days from each month's end to today, median of the two for the year.
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            long january = ChronoUnit.DAYS.between(LocalDate.of(2020, 1, 31), today);
            long february = ChronoUnit.DAYS.between(LocalDate.of(2020, 2, 29), today);
            assertThat(value(app, "DATA.REPORTING_DAYS_LATE", "MINUSCA", "2020")).isEqualTo((january + february) / 2.0);

            ImportOutcome rejected = importFiles(app, "personnel", false, csv(folder, "bad.csv", HEADER,
                    "2020-03-31,MINUSCA,Rwanda,military_contingent,five,95"));
            assertThat(rejected).isInstanceOf(ImportOutcome.Rejected.class);
            String year = Integer.toString(today.getYear());
            // This year: reports.csv (mostly MINUSCA rows) accepted, bad.csv (MINUSCA) rejected.
            assertThat(value(app, "DATA.IMPORT_REJECTION_RATE", "MINUSCA", year)).isEqualTo(50);
            assertThat(value(app, "DATA.IMPORT_REJECTION_RATE", "PKO", year)).isEqualTo(50);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void refusesToImportTheSystemsOwnRecords(String url) throws Exception {
        try (App app = Fixtures.app(url)) {
            Path file = csv(folder, "attempts.csv", "attempt_id,attempted_on,mission,record_type,rows_read,errors,rejected",
                    "1,2020-01-01,MINUSCA,personnel,1,0,false");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> importFiles(app, "import_attempt", false, file))
                    .hasMessage("'import_attempt' records are written by A4P+ Monitor itself and cannot be imported");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void sharesOfRecordsWrittenThatWereFlaggedImplausible(String url) throws Exception {
        try (App app = Fixtures.app(url)) {
            Path history = csv(folder, "history.csv", HEADER,
                    "2019-10-31,MINUSCA,Rwanda,military_contingent,5,95",
                    "2019-11-30,MINUSCA,Rwanda,military_contingent,5,95",
                    "2019-12-31,MINUSCA,Rwanda,military_contingent,5,95",
                    "2020-01-31,MINUSCA,Rwanda,military_contingent,5,95",
                    "2020-02-29,MINUSCA,Rwanda,military_contingent,5,95",
                    "2020-03-31,MINUSCA,Rwanda,military_contingent,6,94");
            accepted(importFiles(app, "personnel", false, history)); // 6 written, none flagged
            Path april = csv(folder, "april.csv", HEADER,
                    "2020-04-30,MINUSCA,Nepal,military_contingent,2,98",
                    "2020-04-30,MINUSCA,Rwanda,military_contingent,60,40");
            assertThat(importFiles(app, "personnel", false, april)).isInstanceOf(ImportOutcome.Rejected.class); // nothing written
            accepted(importImplausible(app, april)); // 2 written, both flagged: MINUSCA's troops are 31% women, against 5%
            accepted(importFiles(app, "personnel", false, history)); // unchanged: nothing written
            String year = thisYear();
            // 100 * (0 + 0 + 2 + 0) / (6 + 0 + 2 + 0)
            assertThat(amount(app, "DATA.FLAGGED_RECORDS_SHARE", "MINUSCA", year)).isEqualTo(100.0 * 2 / 8);
            assertThat(Fixtures.value(app, "DATA.FLAGGED_RECORDS_SHARE", "PKO", year, "record_type=personnel").value())
                    .isEqualTo(100.0 * 2 / 8);

            accepted(importFiles(app, "personnel", false, csv(folder, "january-revised.csv", HEADER,
                    "2020-01-31,MINUSCA,Rwanda,military_contingent,5,94"))); // a revision is written too: 1, not flagged
            // 100 * 2 / (8 + 1)
            assertThat(amount(app, "DATA.FLAGGED_RECORDS_SHARE", "MINUSCA", year)).isCloseTo(100.0 * 2 / 9, within(1e-9));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void sharesOfCurrentRecordsLocatedAtASite(String url) throws Exception {
        try (App app = Fixtures.app(url)) {
            Path consults = csv(folder, "consults.csv", CONSULTS,
                    "T1,2021-01-05,MINUSCA,MINUSCA-BAMBARI,live,false",
                    "T2,2021-01-20,MINUSCA,,live,false",
                    "T3,2021-02-03,MINUSCA,,store_and_forward,false",
                    "T4,2021-02-10,UNMISS,UNMISS-AKOBO,live,true");
            accepted(importFiles(app, "telemedicine_consult", false, consults));
            accepted(importFiles(app, "site_environment", false, csv(folder, "sites.csv", "site,mission,assessed_on,pillar,risk_level",
                    "MINUSCA-BAMBARI,MINUSCA,2021-06-30,wastewater,low",
                    "MINUSCA-BAMBARI,MINUSCA,2021-06-30,energy,high")));
            accepted(importFiles(app, "fatality", false, csv(folder, "fatalities.csv",
                    "casualty_id,incident_date,mission,personnel_type,incident_type",
                    "F1,2021-01-10,MINUSCA,military,accident")));
            // MINUSCA 2021: T1 and both assessments of 3 consults and 2 assessments; fatalities have no site field.
            assertThat(amount(app, "DATA.LOCATED_RECORDS_SHARE", "MINUSCA", "2021")).isEqualTo(100.0 * 3 / 5);
            assertThat(Fixtures.value(app, "DATA.LOCATED_RECORDS_SHARE", "MINUSCA", "2021", "record_type=telemedicine_consult").value())
                    .isCloseTo(100.0 * 1 / 3, within(1e-9));
            assertThat(Fixtures.value(app, "DATA.LOCATED_RECORDS_SHARE", "MINUSCA", "2021", "record_type=site_environment").value())
                    .isEqualTo(100);
            assertThat(amount(app, "DATA.LOCATED_RECORDS_SHARE", "MINUSCA", "2021-01")).isEqualTo(50); // T1 of T1, T2
            assertThat(amount(app, "DATA.LOCATED_RECORDS_SHARE", "UNMISS", "2021")).isEqualTo(100); // T4
            assertThat(amount(app, "DATA.LOCATED_RECORDS_SHARE", "PKO", "2021")).isEqualTo(100.0 * 4 / 6); // T1, T4, both assessments
            assertThat(count(app, "SELECT COUNT(*) FROM rec_location_coverage WHERE \"record_type\" = 'fatality'")).isZero();

            accepted(importFiles(app, "telemedicine_consult", false, csv(folder, "t2-located.csv", CONSULTS,
                    "T2,2021-01-20,MINUSCA,MINUSCA-BAMBARI,live,false")));
            // T1 and T2 of T1, T2, T3
            assertThat(Fixtures.value(app, "DATA.LOCATED_RECORDS_SHARE", "MINUSCA", "2021", "record_type=telemedicine_consult").value())
                    .isCloseTo(100.0 * 2 / 3, within(1e-9));

            accepted(importFiles(app, "telemedicine_consult", true, csv(folder, "whole.csv", CONSULTS,
                    "T2,2021-01-20,MINUSCA,MINUSCA-BAMBARI,live,false",
                    "T3,2021-02-03,MINUSCA,,store_and_forward,false")));
            // T1 and T4 retired: T2 of T2, T3 for MINUSCA; nothing left for UNMISS
            assertThat(Fixtures.value(app, "DATA.LOCATED_RECORDS_SHARE", "MINUSCA", "2021", "record_type=telemedicine_consult").value())
                    .isEqualTo(50);
            assertThat(count(app, "SELECT COUNT(*) FROM rec_location_coverage WHERE \"mission\" = 'UNMISS'")).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void sharesOfSubmissionsAcceptedAtTheirFirstAttempt(String url) throws Exception {
        try (App app = Fixtures.app(url)) {
            String janRwanda = "2020-01-31,MINUSCA,Rwanda,military_contingent,5,95";
            String janNepal = "2020-01-31,MINUSCA,Nepal,military_contingent,5,95";
            // MINUSCA January: first attempt rejected, the second accepted.
            assertThat(importFiles(app, "personnel", false, csv(folder, "jan-bad.csv", HEADER, janRwanda,
                    "2020-01-31,MINUSCA,Nepal,military_contingent,five,95"))).isInstanceOf(ImportOutcome.Rejected.class);
            accepted(importFiles(app, "personnel", false, csv(folder, "jan.csv", HEADER, janRwanda, janNepal)));
            // MINUSCA February: accepted at once, then sent again.
            Path february = csv(folder, "feb.csv", HEADER, "2020-02-29,MINUSCA,Rwanda,military_contingent,5,95");
            accepted(importFiles(app, "personnel", false, february));
            accepted(importFiles(app, "personnel", false, february));
            // UNMISS January: another mission, so another submission; accepted at once.
            accepted(importFiles(app, "personnel", false, csv(folder, "unmiss-jan.csv", HEADER,
                    "2020-01-31,UNMISS,India,military_contingent,5,95")));
            // MINUSCA March in two files of one import: the first file is the first attempt.
            accepted(importFiles(app, "personnel", false,
                    csv(folder, "mar-a.csv", HEADER, "2020-03-31,MINUSCA,Rwanda,military_contingent,5,95"),
                    csv(folder, "mar-b.csv", HEADER, "2020-03-31,MINUSCA,Nepal,military_contingent,5,95")));
            // No date could be read: the file names no month, so it matches no submission and does not count.
            assertThat(importFiles(app, "personnel", false, csv(folder, "undated.csv", HEADER,
                    "31/04/2020,MINUSCA,Rwanda,military_contingent,5,95"))).isInstanceOf(ImportOutcome.Rejected.class);
            String year = thisYear();
            // MINUSCA's first attempts: jan-bad (rejected), feb, mar-a (accepted).
            assertThat(amount(app, "DATA.FIRST_ATTEMPT_ACCEPTANCE", "MINUSCA", year)).isCloseTo(100.0 * 2 / 3, within(1e-9));
            assertThat(amount(app, "DATA.FIRST_ATTEMPT_ACCEPTANCE", "UNMISS", year)).isEqualTo(100);
            // jan-bad, feb, mar-a, unmiss-jan
            assertThat(amount(app, "DATA.FIRST_ATTEMPT_ACCEPTANCE", "PKO", year)).isEqualTo(100.0 * 3 / 4);
            assertThat(count(app, "SELECT COUNT(*) FROM rec_import_attempt WHERE \"first_attempt\" IS NULL"
                    + " AND \"mission\" = 'MINUSCA' AND \"rejected\"")).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void sharesOfAcceptedRowsKeptWithAWarning(String url) throws Exception {
        try (App app = Fixtures.app(url)) {
            // UNAMID ended on 2020-12-31: in the published UN layout a later death is kept, with a warning.
            accepted(importFiles(app, "fatality", false, csv(folder, "un.csv", UN_FATALITIES,
                    "1,2020-05-01,UNAMID-2020-05-00001,UNAMID,Fatality,M,Nepal,Military,Accident,524.0,NPL,2023-11-28",
                    "2,2020-06-01,UNAMID-2020-06-00002,UNAMID,Fatality,M,Nepal,Military,Illness,524.0,NPL,2023-11-28",
                    "3,2020-07-01,UNAMID-2020-07-00003,UNAMID,Fatality,F,Rwanda,Police,Accident,646.0,RWA,2023-11-28",
                    "4,2021-03-01,UNAMID-2021-03-00004,UNAMID,Fatality,M,Rwanda,Military,Illness,646.0,RWA,2023-11-28")));
            accepted(importFiles(app, "fatality", false, csv(folder, "own.csv",
                    "casualty_id,incident_date,mission,personnel_type,incident_type",
                    "F1,2020-01-10,MINUSCA,military,accident",
                    "F2,2020-02-10,MINUSCA,military,accident",
                    "F3,2020-03-10,MINUSCA,police,illness",
                    "F4,2020-04-10,MINUSCA,military,accident")));
            // Rejected (an unknown personnel type), so its warned row does not count.
            assertThat(importFiles(app, "fatality", false, csv(folder, "un-bad.csv", UN_FATALITIES,
                    "5,2021-04-01,UNAMID-2021-04-00005,UNAMID,Fatality,M,Nepal,Military,Illness,524.0,NPL,2023-11-28",
                    "6,2020-04-01,UNAMID-2020-04-00006,UNAMID,Fatality,M,Nepal,Pilot,Illness,524.0,NPL,2023-11-28")))
                    .isInstanceOf(ImportOutcome.Rejected.class);
            String year = thisYear();
            assertThat(amount(app, "DATA.ROWS_WITH_WARNINGS", "UNAMID", year)).isEqualTo(100.0 * 1 / 4); // row 4 of un.csv's 4
            assertThat(amount(app, "DATA.ROWS_WITH_WARNINGS", "MINUSCA", year)).isZero();
            assertThat(amount(app, "DATA.ROWS_WITH_WARNINGS", "PKO", year)).isEqualTo(100.0 * 1 / 8); // 1 of 4 + 4; not un-bad.csv
            assertThat(count(app, "SELECT COUNT(*) FROM rec_import_attempt WHERE \"rejected\" AND \"rows_warned\" = 1")).isEqualTo(1);
        }
    }
}
