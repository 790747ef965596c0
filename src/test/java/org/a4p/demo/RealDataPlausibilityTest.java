package org.a4p.demo;

import static org.a4p.support.Fixtures.accepted;
import static org.a4p.support.Fixtures.count;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.a4p.app.App;
import org.a4p.ingest.ImportFile;
import org.a4p.ingest.ImportOutcome;
import org.a4p.ingest.ImportRequest;
import org.a4p.ingest.Progress;
import org.a4p.ingest.RowIssue;
import org.a4p.orgunit.OrgUnits;
import org.a4p.support.Fixtures;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped plausibility rules on the UN's own files, on H2 and PostgreSQL: the contributions
 * table is held back for exactly its misprinted months, the fatalities dataset passes, and a file
 * that adds 300,000 deaths to one mission is held back.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealDataPlausibilityTest {
    private static final Pattern GROUP = Pattern.compile("^\\S+: implausible \\(rule (\\S+)\\): (.*?, month \\d{4}-\\d{2}):");

    @Parameter
    String url;

    App app;
    ImportOutcome fatalities;

    @BeforeParameterizedClassInvocation
    void loadTheFatalities() {
        app = Fixtures.app(url);
        fatalities = app.importer().run(new ImportRequest("fatality", null, List.of(ImportFile.resource(DemoLoader.FATALITIES,
                "/demo/" + DemoLoader.FATALITIES)), true, false, "test"), Progress.NONE);
    }

    @AfterParameterizedClassInvocation
    void close() {
        app.close();
    }

    private static List<String> groups(ImportOutcome outcome) {
        assertThat(outcome).isInstanceOf(ImportOutcome.Rejected.class);
        return ((ImportOutcome.Rejected) outcome).errors().stream().map(RowIssue::message).map(message -> {
            Matcher m = GROUP.matcher(message);
            assertThat(m.find()).as(message).isTrue();
            return m.group(1) + ": " + m.group(2);
        }).toList();
    }

    @Test
    void theContributionsTableIsHeldBackForExactlyItsMisprintedMonths() throws Exception {
        ImportOutcome outcome = app.importer().run(new ImportRequest("personnel", null, List.of(ImportFile.resource(
                DemoLoader.CONTRIBUTIONS, "/demo/" + DemoLoader.CONTRIBUTIONS)), true, false, "test"), Progress.NONE);

        String troops = "women_share_troops: ";
        String category = ", category military_contingent, month ";
        assertThat(groups(outcome)).containsExactly(
                troops + "scope PKO" + category + "2020-08",
                troops + "mission UNOCI" + category + "2016-01",
                troops + "mission UNOCI" + category + "2016-04",
                troops + "mission UNOCI" + category + "2016-05",
                troops + "mission MINUSCA" + category + "2020-08",
                troops + "mission MINUSMA" + category + "2020-08",
                troops + "mission MONUSCO" + category + "2020-08",
                troops + "mission UNAMID" + category + "2020-08",
                troops + "mission UNFICYP" + category + "2020-08",
                troops + "mission UNISFA" + category + "2020-08",
                troops + "mission UNMISS" + category + "2020-08");
        assertThat(((ImportOutcome.Rejected) outcome).errors().get(0).message())
                .contains(String.format(Locale.ROOT, "is 57.1%% (%s)", womenOfTroops(YearMonth.of(2020, 8))));
        assertThat(count(app, "SELECT COUNT(*) FROM rec_personnel")).isZero();
    }

    /** Women and troops of a month in peacekeeping operations, read from the table itself: {@code 39,253 of 68,725}. */
    private static String womenOfTroops(YearMonth month) throws Exception {
        OrgUnits orgUnits = Fixtures.pack().orgUnits();
        long women = 0;
        long total = 0;
        try (Reader reader = new InputStreamReader(new GZIPInputStream(RealDataPlausibilityTest.class.getResourceAsStream(
                "/demo/" + DemoLoader.CONTRIBUTIONS)), StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                if (YearMonth.from(LocalDate.parse(row.get("report_date"))).equals(month) && row.get("personnel_type").equals("Troops")
                        && "PKO".equals(orgUnits.scopeOf(row.get("mission_acronym")))) {
                    women += Long.parseLong(row.get("female"));
                    total += Long.parseLong(row.get("female")) + Long.parseLong(row.get("male"));
                }
            }
        }
        return String.format(Locale.ROOT, "%,d of %,d", women, total);
    }

    @Test
    void theRealFatalitiesRaiseNoFinding() throws Exception {
        assertThat(accepted(fatalities).implausible()).isEmpty();
        assertThat(count(app, "SELECT COUNT(*) FROM rec_fatality WHERE retired_by IS NULL")).isEqualTo(4344);
        assertThat(count(app, "SELECT COUNT(*) FROM rec_fatality WHERE flagged")).isZero();
    }

    @Test
    void aFileAddingThreeHundredThousandDeathsToOneMissionIsHeldBack(@TempDir Path folder) throws Exception {
        // About 12,500 a month in 2021 and 2022, where MINUSCA's dataset has a few a month.
        Path file = folder.resolve("minusca-deaths.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("casualty_id,incident_date,mission,personnel_type,incident_type\n");
            LocalDate first = LocalDate.of(2021, 1, 1);
            for (int i = 0; i < 300_000; i++) {
                out.write("X-" + i + "," + first.plusDays(i % 730) + ",MINUSCA,military,malicious_act\n");
            }
        }
        ImportOutcome outcome = app.importer().run(new ImportRequest("fatality", null, List.of(ImportFile.of(file)), false, false,
                "test"), Progress.NONE);

        List<String> months = IntStream.range(0, 24).mapToObj(i -> YearMonth.of(2021, 1).plusMonths(i).toString()).toList();
        assertThat(groups(outcome)).containsExactlyElementsOf(java.util.stream.Stream.concat(
                months.stream().map(m -> "deaths_per_mission_month: mission MINUSCA, month " + m),
                months.stream().map(m -> "deaths_per_scope_month: scope PKO, month " + m)).toList());
        assertThat(count(app, "SELECT COUNT(*) FROM rec_fatality")).isEqualTo(4344);
    }
}
