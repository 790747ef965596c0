package org.a4p.ingest;

import static org.a4p.support.Fixtures.accepted;
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

    @TempDir
    Path folder;

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
}
