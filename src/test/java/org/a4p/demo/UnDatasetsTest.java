package org.a4p.demo;

import org.a4p.indicators.Grain;
import static org.a4p.support.Fixtures.accepted;
import static org.a4p.support.Fixtures.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.a4p.app.App;
import org.a4p.indicators.IndicatorValue;
import org.a4p.indicators.ValueQuery;
import org.a4p.ingest.ImportFile;
import org.a4p.ingest.ImportOutcome;
import org.a4p.ingest.ImportRequest;
import org.a4p.ingest.Progress;
import org.a4p.ingest.SubmissionSummary;
import org.a4p.orgunit.OrgUnits;
import org.a4p.support.Fixtures;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.api.TestInstance;

/**
 * The UN's own published files, read in their layouts and counted as the seed counts them, on H2
 * and on PostgreSQL. The demo is loaded once per database; tests that change data use copies.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnDatasetsTest {
    /** The demo's record types these tests read. */
    static final java.util.Set<String> USED = java.util.Set.of("fatality", "personnel", "site_environment");

    @Parameter
    String url;

    App app;
    List<SubmissionSummary> firstLoad;
    java.io.StringWriter firstLog;

    @BeforeParameterizedClassInvocation
    void loadDemo() {
        app = Fixtures.app(url);
        firstLog = new java.io.StringWriter();
        firstLoad = new DemoLoader(app).load("test", Progress.NONE, new java.io.PrintWriter(firstLog), USED::contains);
    }

    @AfterParameterizedClassInvocation
    void close() {
        app.close();
    }

    private double yearly(String indicator, String orgUnit, int year) throws Exception {
        try (Connection connection = app.database().dataSource().getConnection()) {
            List<IndicatorValue> values = new ValueQuery().find(connection,
                    new ValueQuery.Filter(indicator, orgUnit, Integer.toString(year), Grain.YEAR, true));
            assertThat(values).as("%s %s %d", indicator, orgUnit, year).hasSize(1);
            return values.get(0).value();
        }
    }

    @Test
    void fatalitiesFromMaliciousActsAreTheSeedsFigures() throws Exception {
        assertThat(List.of(yearly("P4.FATALITIES_MALICIOUS", "PKO", 2017), yearly("P4.FATALITIES_MALICIOUS", "PKO", 2018),
                yearly("P4.FATALITIES_MALICIOUS", "PKO", 2019), yearly("P4.FATALITIES_MALICIOUS", "PKO", 2020)))
                .containsExactly(59.0, 27.0, 25.0, 13.0);
    }

    @Test
    void casualtiesListedTwiceUnderTwoNationalitiesCountOnce() throws Exception {
        SubmissionSummary fatalities = firstLoad.get(0);
        assertThat(fatalities.rowsRead()).isEqualTo(4350);
        assertThat(fatalities.added()).isEqualTo(4344);
        assertThat(fatalities.snapshotDate()).isEqualTo(LocalDate.of(2023, 11, 28));
        assertThat(count(app, "SELECT COUNT(*) FROM rec_fatality WHERE \"alternate_nationality\" IS NOT NULL")).isEqualTo(6);
        assertThat(count(app, "SELECT COUNT(*) FROM rec_fatality WHERE \"casualty_id\" = 'UNMIK-2003-05-03589'"
                + " AND \"nationality\" = 'MNE' AND \"alternate_nationality\" = 'SCG'")).isEqualTo(1);
    }

    @Test
    void womenAmongTroopsOnTheLastReportOf2020MatchesTheContributionsTable() throws Exception {
        OrgUnits orgUnits = Fixtures.pack().orgUnits();
        long women = 0;
        long total = 0;
        try (Reader reader = new InputStreamReader(new GZIPInputStream(
                UnDatasetsTest.class.getResourceAsStream("/demo/uniformed-contributions_2015-2025.csv.gz")), StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                if (row.get("report_date").equals("2020-12-31") && row.get("personnel_type").equals("Troops")
                        && "PKO".equals(orgUnits.scopeOf(row.get("mission_acronym")))) {
                    women += Long.parseLong(row.get("female"));
                    total += Long.parseLong(row.get("total"));
                }
            }
        }
        assertThat(total).isGreaterThan(50_000);
        assertThat(yearly("WPS.WOMEN_TROOPS", "PKO", 2020)).isCloseTo(100.0 * women / total, within(1e-9));
    }

    @Test
    void theTablesMisprintedMonthsAreShownFlaggedNotSilentlyWrong() throws Exception {
        assertThat(firstLog.toString().lines().filter(line -> line.startsWith("  warning: uniformed-contributions")))
                .hasSize(11)
                .anySatisfy(line -> assertThat(line).contains("scope PKO, category military_contingent, month 2020-08"));
        try (Connection connection = app.database().dataSource().getConnection();
             java.sql.ResultSet rs = connection.createStatement().executeQuery("SELECT DISTINCT \"report_date\", \"mission\""
                     + " FROM rec_personnel WHERE flagged ORDER BY \"report_date\", \"mission\"")) {
            java.util.Set<String> flagged = new java.util.TreeSet<>();
            while (rs.next()) {
                flagged.add(rs.getObject(1, LocalDate.class).toString().substring(0, 7) + " " + rs.getString(2));
            }
            // UNOCI's months alone in 2016; in 2020-08 every peacekeeping operation with troops, from the scope's finding.
            assertThat(flagged).filteredOn(f -> f.startsWith("2016")).containsExactly("2016-01 UNOCI", "2016-04 UNOCI", "2016-05 UNOCI");
            assertThat(flagged).filteredOn(f -> !f.startsWith("2016")).isNotEmpty().allMatch(f -> f.startsWith("2020-08 "))
                    .contains("2020-08 UNMISS", "2020-08 UNIFIL");
        }
        assertThat(Fixtures.value(app, "WPS.WOMEN_TROOPS", "PKO", "2020-08", "").flagged()).isTrue();
        assertThat(Fixtures.value(app, "WPS.WOMEN_TROOPS", "UNMISS", "2020-08", "").flagged()).isTrue();
        assertThat(Fixtures.value(app, "WPS.WOMEN_TROOPS", "PKO", "2020-07", "").flagged()).isFalse();
        assertThat(Fixtures.value(app, "WPS.WOMEN_TROOPS", "PKO", "2020-Q2", "").flagged()).isFalse();
        assertThat(count(app, "SELECT COUNT(*) FROM rec_fatality WHERE flagged")).isZero();
    }

    @Test
    void syntheticEnvironmentalAssessmentsGiveTheSeedsWastewaterShares() throws Exception {
        assertThat(yearly("P5.WASTEWATER_MIN_RISK", "PKO", 2017)).isEqualTo(33.0);
        assertThat(yearly("P5.WASTEWATER_MIN_RISK", "PKO", 2020)).isEqualTo(69.0);
        try (Connection connection = app.database().dataSource().getConnection()) {
            assertThat(new ValueQuery().find(connection, new ValueQuery.Filter("P5.WASTEWATER_MIN_RISK", "PKO", "2020", Grain.YEAR, true)))
                    .allMatch(IndicatorValue::synthetic);
            assertThat(new ValueQuery().find(connection, new ValueQuery.Filter("P4.FATALITIES_MALICIOUS", "PKO", "2020", Grain.YEAR, true)))
                    .noneMatch(IndicatorValue::synthetic);
        }
    }

    @Test
    void loadingTheDemoAgainChangesNothing() throws Exception {
        long values = count(app, "SELECT COUNT(*) FROM indicator_value");
        List<SubmissionSummary> again = new DemoLoader(app).load("test", Progress.NONE, new java.io.PrintWriter(java.io.Writer.nullWriter()),
                USED::contains);
        assertThat(again).allSatisfy(s -> {
            assertThat(s.added()).isZero();
            assertThat(s.revised()).isZero();
            assertThat(s.retired()).isZero();
        });
        assertThat(count(app, "SELECT COUNT(*) FROM rec_fatality")).isEqualTo(4344);
        assertThat(count(app, "SELECT COUNT(*) FROM indicator_value")).isEqualTo(values);
    }

    @Test
    void aNewerSnapshotRevisesAndRetiresByCasualtyId(@TempDir Path folder) throws Exception {
        try (App copy = Fixtures.app(org.a4p.testing.Databases.h2Url("snapshot"))) {
            List<String> lines = Files.readAllLines(Path.of(UnDatasetsTest.class.getResource("/demo/DPPADPOSS-FATALITIES_2023-11-28.csv").toURI()));
            Path older = folder.resolve("older.csv");
            Files.write(older, lines);
            accepted(copy.importer().run(new ImportRequest("fatality", null, List.of(ImportFile.of(older)), true, false, "test"), Progress.NONE));
            double before = count(copy, "SELECT COUNT(*) FROM rec_fatality WHERE \"incident_type\" = 'malicious_act' AND retired_by IS NULL");

            // The next release recodes one 2019 accident as a malicious act and drops one record.
            int recoded = -1;
            int dropped = -1;
            for (int i = 1; i < lines.size(); i++) {
                if (recoded < 0 && lines.get(i).contains(",2019-") && lines.get(i).contains(",Accident,") && lines.get(i).contains(",MINUSCA,")) {
                    recoded = i;
                } else if (dropped < 0 && lines.get(i).contains(",2018-") && lines.get(i).contains(",Illness,")) {
                    dropped = i;
                }
            }
            List<String> newer = new java.util.ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).replace("2023-11-28", "2024-01-15");
                if (i == recoded) {
                    line = line.replace(",Accident,", ",Malicious Act,");
                }
                if (i != dropped) {
                    newer.add(line);
                }
            }
            Path release = folder.resolve("newer.csv");
            Files.write(release, newer);
            ImportOutcome.Accepted outcome = accepted(copy.importer().run(
                    new ImportRequest("fatality", null, List.of(ImportFile.of(release)), true, false, "test"), Progress.NONE));
            SubmissionSummary summary = outcome.submissions().get(0);
            assertThat(summary.snapshotDate()).isEqualTo(LocalDate.of(2024, 1, 15));
            assertThat(List.of(summary.added(), summary.revised(), summary.retired())).containsExactly(0, 1, 1);
            assertThat(outcome.changes()).extracting(ImportOutcome.Change::kind).containsExactlyInAnyOrder("revised", "retired");
            assertThat(count(copy, "SELECT COUNT(*) FROM rec_fatality WHERE \"incident_type\" = 'malicious_act' AND retired_by IS NULL"))
                    .isEqualTo((long) before + 1);
            assertThat(count(copy, "SELECT COUNT(*) FROM rec_fatality")).isEqualTo(4344);
        }
    }
}
