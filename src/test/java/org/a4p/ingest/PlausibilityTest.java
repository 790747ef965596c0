package org.a4p.ingest;

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

/** A month whose share of women jumps tenfold is held back, and flagged when the user accepts it. */
class PlausibilityTest {
    static final String HEADER = "report_date,mission,contributing_country,category,women,men";

    @TempDir
    Path folder;

    private static IndicatorValue troops(App app, String period) throws Exception {
        try (Connection connection = app.database().dataSource().getConnection()) {
            List<IndicatorValue> values = new ValueQuery().find(connection,
                    new ValueQuery.Filter("WPS.WOMEN_TROOPS", "MINUSCA", period, null, true));
            assertThat(values).hasSize(1);
            return values.get(0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void holdsBackATenfoldJumpUntilAcceptedThenFlagsEveryFigureThatUsesIt(String url) throws Exception {
        try (App app = Fixtures.app(url)) {
            accepted(importFiles(app, "personnel", false, csv(folder, "q1.csv", HEADER,
                    "2020-01-31,MINUSCA,Rwanda,military_contingent,5,95",
                    "2020-02-29,MINUSCA,Rwanda,military_contingent,5,95",
                    "2020-03-31,MINUSCA,Rwanda,military_contingent,6,94")));
            Path april = csv(folder, "april.csv", HEADER,
                    "2020-04-30,MINUSCA,Nepal,military_contingent,2,98",
                    "2020-04-30,MINUSCA,Rwanda,military_contingent,60,40");
            ImportOutcome held = importFiles(app, "personnel", false, april);
            assertThat(held).isInstanceOf(ImportOutcome.Rejected.class);
            assertThat(((ImportOutcome.Rejected) held).errors()).extracting(RowIssue::message).containsExactly(
                    "april.csv row 3: implausible (rule women_share_jump): women / (women + men) is 0.6, more than 10 times above"
                            + " the median 0.05 of the 3 earlier records with the same mission, contributing_country, category."
                            + " Check the row; to accept it as reported, import again with --accept-implausible and it will be"
                            + " flagged in every figure that uses it");
            assertThat(count(app, "SELECT COUNT(*) FROM rec_personnel")).isEqualTo(3);
            assertThat(count(app, "SELECT COUNT(*) FROM submission WHERE status = 'submitted'")).isEqualTo(1);
            assertThat(count(app, "SELECT COUNT(*) FROM rec_import_attempt WHERE \"rejected\" AND \"errors\" = 1")).isEqualTo(1);

            ImportOutcome.Accepted taken = accepted(app.importer().run(new ImportRequest("personnel", null,
                    List.of(ImportFile.of(april)), false, false, "test", true), Progress.NONE));
            assertThat(taken.warnings()).hasSize(1);
            assertThat(count(app, "SELECT COUNT(*) FROM rec_personnel WHERE flagged")).isEqualTo(1);
            assertThat(troops(app, "2020-04").flagged()).isTrue();
            assertThat(troops(app, "2020-04").value()).isEqualTo(31); // (2 + 60) / (100 + 100)
            assertThat(troops(app, "2020").flagged()).isTrue(); // the year's last report is April's
            assertThat(troops(app, "2020-03").flagged()).isFalse();
            assertThat(troops(app, "2020-Q1").flagged()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void judgesNothingWithoutEnoughHistory(String url) throws Exception {
        try (App app = Fixtures.app(url)) {
            accepted(importFiles(app, "personnel", false, csv(folder, "start.csv", HEADER,
                    "2020-01-31,MINUSCA,Rwanda,military_contingent,5,95",
                    "2020-02-29,MINUSCA,Rwanda,military_contingent,5,95")));
            accepted(importFiles(app, "personnel", false, csv(folder, "march.csv", HEADER,
                    "2020-03-31,MINUSCA,Rwanda,military_contingent,60,40")));
            assertThat(count(app, "SELECT COUNT(*) FROM rec_personnel WHERE flagged")).isZero();
        }
    }
}
