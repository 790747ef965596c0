package org.a4p.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.a4p.ingest.RowIssue;
import org.a4p.pack.PackFixture;
import org.a4p.support.CliRun;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the command line in-process on one H2 database, loaded once with the demo. Every run
 * is checked for Java stack traces and for restricted values of the demo (victims' identities).
 */
class CliTest {
    static final List<String> DEMO_FILES = List.of("DPPADPOSS-FATALITIES_2023-11-28.csv",
            "uniformed-contributions_2015-2025.csv.gz", "synthetic-allegations.csv", "synthetic-site-environment.csv");
    static final String ALLEGATION_HEADER = "allegation_id,reported_on,mission,category,personnel_category,investigation_status,victim_identities";
    private static final Pattern DEMO_LINE = Pattern.compile(
            "^(\\S+)\\s+(\\S+)\\s+(\\d+) rows\\s+(\\d+) added\\s+(\\d+) revised\\s+(\\d+) unchanged\\s+(\\d+) retired", Pattern.MULTILINE);

    @TempDir
    static Path folder;

    static String db;
    static CliRun firstDemo;

    @BeforeAll
    static void loadDemo() {
        db = folder.resolve("db").toString();
        firstDemo = run("demo", "--db", db);
    }

    /** Runs the command line with standard output and error captured; checks what no output may hold. */
    static CliRun run(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.all()).as("output of %s", String.join(" ", args)).doesNotContain("Synthetic person");
        return run;
    }

    static List<CSVRecord> csv(String text) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text)).getRecords();
    }

    Path write(String name, String text) throws IOException {
        Path file = Files.createDirectories(folder.resolve("in")).resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** Per record type: rows read, added, revised, unchanged, retired, from the demo's report lines. */
    static Map<String, long[]> demoCounts(String output) {
        Map<String, long[]> out = new LinkedHashMap<>();
        Matcher m = DEMO_LINE.matcher(output);
        while (m.find()) {
            out.put(m.group(1), new long[] {Long.parseLong(m.group(3)), Long.parseLong(m.group(4)), Long.parseLong(m.group(5)),
                    Long.parseLong(m.group(6)), Long.parseLong(m.group(7))});
        }
        return out;
    }

    @Test
    void demoLoadsEveryRecordType() {
        assertThat(firstDemo.code()).isZero();
        Map<String, long[]> counts = demoCounts(firstDemo.out());
        List<String> importable = org.a4p.pack.PackLoader.loadBundled().recordTypes().values().stream()
                .filter(t -> !t.reporting().system()).map(org.a4p.pack.RecordType::id).toList();
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(importable);
        assertThat(counts.values()).allSatisfy(c -> assertThat(c[0]).as("rows").isPositive());
    }

    @Test
    void demoTwiceAddsNothingAndLeavesEveryRecordUnchanged() {
        CliRun second = run("demo", "--db", db);

        assertThat(second.code()).isZero();
        long filesLoaded = firstDemo.out().lines().filter(l -> DEMO_LINE.matcher(l).find()).count();
        assertThat(second.out().lines().filter(l -> l.endsWith("already loaded, unchanged")).count()).isEqualTo(filesLoaded);
        assertThat(demoCounts(second.out())).isEmpty();
        assertThat(firstDemo.out()).contains("Release 1 published: ");
        assertThat(second.out()).as("the first run's release stands").doesNotContain("Release");
        assertThat(run("releases", "--db", db).out().lines().skip(1).count()).isEqualTo(1);
    }

    @Test
    void indicatorsCsvHasTheDocumentedHeader() {
        CliRun r = run("indicators", "--db", db, "--format", "csv");

        assertThat(r.code()).isZero();
        assertThat(r.out().lines().findFirst()).hasValue("indicator,org_unit,period,disaggregation,value,records");
        assertThat(r.out().lines().count()).isGreaterThan(100);
    }

    @Test
    void maliciousActFatalitiesByYearMatchTheSeed() throws IOException {
        CliRun r = run("indicators", "--db", db, "--indicator", "P4.FATALITIES_MALICIOUS", "--mission", "PKO", "--by", "year", "--format", "csv");

        assertThat(r.code()).isZero();
        List<String> totals2017to2020 = r.out().lines()
                .filter(l -> l.matches("P4\\.FATALITIES_MALICIOUS,PKO,20(17|18|19|20),,.*"))
                .toList();
        assertThat(totals2017to2020).containsExactly(
                "P4.FATALITIES_MALICIOUS,PKO,2017,,59,59",
                "P4.FATALITIES_MALICIOUS,PKO,2018,,27,27",
                "P4.FATALITIES_MALICIOUS,PKO,2019,,25,25",
                "P4.FATALITIES_MALICIOUS,PKO,2020,,13,13");
        List<CSVRecord> rows = csv(r.out());
        assertThat(rows).isNotEmpty().allSatisfy(row -> {
            assertThat(row.get("indicator")).isEqualTo("P4.FATALITIES_MALICIOUS");
            assertThat(row.get("records")).as("a count's records are its value").isEqualTo(row.get("value"));
        });
    }

    @Test
    void indicatorsJsonIsAnArrayOfValueObjects() throws IOException {
        CliRun r = run("indicators", "--db", db, "--format", "json", "--period", "2020");

        assertThat(r.code()).isZero();
        JsonNode array = new ObjectMapper().readTree(r.out());
        assertThat(array.isArray()).isTrue();
        assertThat(array.size()).isPositive();
        for (JsonNode value : array) {
            List<String> keys = new ArrayList<>();
            value.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactly("indicator", "org_unit", "period", "disaggregation", "value", "records", "synthetic", "flagged",
                    "provisional");
            assertThat(value.get("period").asText()).isEqualTo("2020");
        }
    }

    @Test
    void byQuarterGivesQuarterPeriods() throws IOException {
        CliRun r = run("indicators", "--db", db, "--indicator", "P4.FATALITIES_MALICIOUS", "--by", "quarter", "--totals", "--format", "csv");

        assertThat(r.code()).isZero();
        List<String> periods = csv(r.out()).stream().map(row -> row.get("period")).toList();
        assertThat(periods).contains("2020-Q3").allMatch(p -> p.matches("\\d{4}-Q[1-4]"));
    }

    @Test
    void byMonthGivesMonthPeriods() throws IOException {
        CliRun r = run("indicators", "--db", db, "--indicator", "P4.FATALITIES_MALICIOUS", "--by", "month", "--totals", "--format", "csv");

        assertThat(r.code()).isZero();
        List<String> periods = csv(r.out()).stream().map(row -> row.get("period")).toList();
        assertThat(periods).contains("2020-07").allMatch(p -> p.matches("\\d{4}-(0[1-9]|1[0-2])"));
    }

    @Test
    void scorecardJsonListsThePrioritiesAndTheirIndicators() throws IOException {
        CliRun r = run("scorecard", "--db", db, "--format", "json", "--year", "2020");

        assertThat(r.code()).isZero();
        JsonNode card = new ObjectMapper().readTree(r.out());
        assertThat(card.has("org_unit")).isTrue();
        assertThat(card.has("priorities")).isTrue();
        assertThat(card.get("org_unit").asText()).isEqualTo("PKO");
        assertThat(card.get("year").asInt()).isEqualTo(2020);
        List<String> priorityIds = new ArrayList<>();
        card.get("priorities").forEach(p -> priorityIds.add(p.get("id").asText()));
        assertThat(priorityIds).containsExactly("P1", "P2", "P3", "P4", "P5", "P6", "P7", "WPS", "DATA");

        List<JsonNode> indicators = new ArrayList<>();
        card.get("priorities").forEach(p -> p.get("indicators").forEach(indicators::add));
        assertThat(indicators).isNotEmpty().allSatisfy(i -> {
            for (String key : List.of("id", "name", "value", "unit", "target", "status")) {
                assertThat(i.has(key)).as("indicator %s has %s", i.get("id"), key).isTrue();
            }
            assertThat(i.get("status").asText()).isIn("on_track", "at_risk", "off_track", "no_data", "no_target");
        });
    }

    @Test
    void womenTroopsMissedTheirTargetIn2020() throws IOException {
        CliRun r = run("scorecard", "--db", db, "--format", "json", "--year", "2020");

        JsonNode card = new ObjectMapper().readTree(r.out());
        JsonNode troops = null;
        for (JsonNode p : card.get("priorities")) {
            for (JsonNode i : p.get("indicators")) {
                if (i.get("id").asText().equals("WPS.WOMEN_TROOPS")) {
                    assertThat(p.get("id").asText()).isEqualTo("WPS");
                    troops = i;
                }
            }
        }
        assertThat(troops).as("WPS.WOMEN_TROOPS on the scorecard").isNotNull();
        assertThat(troops.get("status").asText()).isEqualTo("off_track");
        assertThat(troops.get("target").asDouble()).isEqualTo(8.0);
        assertThat(troops.get("value").asDouble()).isLessThan(8.0);
    }

    @Test
    void scorecardForOneMission() {
        CliRun r = run("scorecard", "--db", db, "--mission", "MINUSCA");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("(MINUSCA)", "Women among military contingents");
    }

    @Test
    void demoScorecardHasNoEmptyPriorityForAnyMissionActiveIn2020() throws IOException {
        var pack = org.a4p.pack.PackLoader.loadBundled();
        List<String> missions = pack.orgUnits().missions().stream()
                .filter(m -> "PKO".equals(m.scope()) && m.start() != null && m.isActiveOn(java.time.LocalDate.of(2020, 6, 30)))
                .map(org.a4p.orgunit.OrgUnit::code).toList();
        assertThat(missions).hasSizeGreaterThan(10);
        for (String mission : missions) {
            CliRun r = run("scorecard", "--db", db, "--mission", mission, "--year", "2020", "--format", "json");
            JsonNode card = new ObjectMapper().readTree(r.out());
            for (JsonNode priority : card.get("priorities")) {
                boolean anyValue = false;
                for (JsonNode indicator : priority.get("indicators")) {
                    anyValue |= !indicator.get("value").isNull();
                }
                assertThat(anyValue).as("%s %s has a value", mission, priority.get("id").asText()).isTrue();
            }
        }
    }

    @Test
    void submissionsListTheDemoFiles() {
        CliRun r = run("submissions", "--db", db, "--limit", "500");

        assertThat(r.code()).isZero();
        List<String> files = r.out().lines().skip(1).filter(l -> !l.contains(" rejected "))
                .map(l -> l.trim().split("\\s+")).filter(cols -> cols.length > 4)
                .map(cols -> cols[4]).distinct().toList();
        assertThat(files).containsAll(DEMO_FILES).contains("synthetic-media-items.csv", "synthetic-casevac.csv")
                .hasSize((int) firstDemo.out().lines().filter(l -> DEMO_LINE.matcher(l).find()).count());
    }

    @Test
    void bundledPackChecksClean() {
        CliRun r = run("pack", "check");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("is valid: 9 priorities, 8 commitment areas");
    }

    @Test
    void brokenPackChecksWithEveryProblemListed() throws IOException {
        PackFixture pack = PackFixture.copyBundled(Files.createDirectories(folder.resolve("broken-pack")));
        String personnel = pack.replaceAfter("record_types/personnel.yaml", "- name: women", "type: integer", "type: int");
        String layout = pack.replaceOnce("layouts/un_fatalities.yaml", "      nationality: isocode3", "      citizenship: isocode3");

        CliRun r = run("pack", "check", pack.root().toString());

        assertThat(r.code()).isEqualTo(Main.REJECTED);
        assertThat(r.err()).contains(
                "record_types/personnel.yaml:" + PackFixture.lineOf(personnel, "type: int\n") + ": unknown field type 'int'",
                "layouts/un_fatalities.yaml:" + PackFixture.lineOf(layout, "citizenship: isocode3")
                        + ": layout 'un_fatalities' maps unknown field 'citizenship'");
    }

    @Test
    void packWithABadFormulaGivenToAnyCommandNamesTheIndicatorAndFile() throws IOException {
        PackFixture pack = PackFixture.copyBundled(Files.createDirectories(folder.resolve("bad-formula-pack")));
        pack.replaceOnce("indicators/p4_accountability_to_peacekeepers.yaml", "formula: count(fatality)\n", "formula: count(fatality where)\n");

        CliRun r = run("indicators", "--db", folder.resolve("db-bad-formula").toString(), "--pack", pack.root().toString());

        assertThat(r.code()).isEqualTo(Main.REJECTED);
        assertThat(r.err()).contains("indicators/p4_accountability_to_peacekeepers.yaml", "P4.FATALITIES_ALL", "at position");
    }

    @Test
    void packCheckOfAFolderWithoutPackYamlIsAUsageError() {
        CliRun r = run("pack", "check", folder.resolve("no-such-pack").toString());

        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("has no pack.yaml");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun r = run("indicators", "--db", db, "--colour");

        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("Unknown option: '--colour'");
    }

    @Test
    void periodThatIsNotAPeriodIsAUsageError() {
        CliRun r = run("indicators", "--db", db, "--period", "2020-13");

        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("'2020-13' is not a period");
    }

    @Test
    void unknownOrgUnitIsAUsageError() {
        CliRun r = run("indicators", "--db", db, "--mission", "NOPE");

        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("unknown org unit 'NOPE'");
    }

    @Test
    void unknownRecordTypeIsAUsageError() throws IOException {
        Path file = write("some.csv", ALLEGATION_HEADER + "\n");

        CliRun r = run("import", "--db", db, "--type", "nope", file.toString());

        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("unknown record type 'nope'; known: fatality, personnel, allegation, site_environment");
    }

    @Test
    void missingFileIsAUsageError() {
        String missing = folder.resolve("in").resolve("not-there.csv").toString();

        CliRun r = run("import", "--db", db, "--type", "allegation", missing);

        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("no such file: " + missing);
    }

    @Test
    void badCsvIsRejectedWithFileRowAndColumn() throws IOException {
        Path file = write("bad-allegations.csv", ALLEGATION_HEADER + "\n"
                + "CLI-1,2020-01-05,MINUSCA,sexual_abuse,military,substantiated,\n"
                + "CLI-2,2020-13-05,MINUSCA,sexual_abuse,military,substantiated,\n");

        CliRun r = run("import", "--db", db, "--type", "allegation", file.toString());

        assertThat(r.code()).isEqualTo(Main.REJECTED);
        assertThat(r.err()).contains("nothing was written",
                "bad-allegations.csv row 3, column 'reported_on': expected a date like 2020-03-31, got '2020-13-05'");
        CliRun after = run("indicators", "--db", db, "--indicator", "P5.SEA_ALLEGATIONS", "--period", "2020", "--totals", "--format", "csv");
        assertThat(after.out()).as("nothing written").contains("P5.SEA_ALLEGATIONS,PKO,2020,,80,80");
    }

    @Test
    void errorsFileHasOneRowPerError() throws IOException {
        Path file = write("three-errors.csv", ALLEGATION_HEADER + "\n"
                + "CLI-1,2020-01-05,MINUSCA,sexual_abuse,military,substantiated,\n"
                + "CLI-2,2020-13-05,MINUSCA,sexual_abuse,military,substantiated,\n"
                + "CLI-3,2020-02-05,NOPE,sexual_abuse,military,substantiated,\n"
                + "CLI-4,2020-02-05,MINUSCA,hugging,military,substantiated,\n");
        Path errors = folder.resolve("in").resolve("errors.csv");

        CliRun r = run("import", "--db", db, "--type", "allegation", "--errors", errors.toString(), file.toString());

        assertThat(r.code()).isEqualTo(Main.REJECTED);
        List<String> lines = Files.readAllLines(errors, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("severity,file,row,column,value,expected");
        List<CSVRecord> rows = csv(String.join("\n", lines));
        assertThat(rows).extracting(row -> row.get("severity") + "|" + row.get("file") + "|" + row.get("row") + "|"
                + row.get("column") + "|" + row.get("value")).containsExactly(
                "error|three-errors.csv|3|reported_on|2020-13-05",
                "error|three-errors.csv|4|mission|NOPE",
                "error|three-errors.csv|5|category|hugging");
        assertThat(rows).allSatisfy(row -> assertThat(row.get("expected")).startsWith("expected "));
    }

    @Test
    void tooLongRestrictedValueIsWithheldFromMessagesAndErrorsFile() throws IOException {
        String identities = "Synthetic person 12; ".repeat(240);
        assertThat(identities.length()).isGreaterThan(5000);
        Path file = write("long-identities.csv", ALLEGATION_HEADER + "\n"
                + "CLI-9,2020-01-05,MINUSCA,sexual_abuse,military,substantiated,\"" + identities + "\"\n");
        Path errors = folder.resolve("in").resolve("restricted-errors.csv");

        CliRun r = run("import", "--db", db, "--type", "allegation", "--errors", errors.toString(), file.toString());

        assertThat(r.code()).isEqualTo(Main.REJECTED);
        assertThat(r.err()).contains("long-identities.csv row 2, column 'victim_identities'", "value withheld");
        String errorsCsv = Files.readString(errors, StandardCharsets.UTF_8);
        assertThat(errorsCsv).doesNotContain("Synthetic person");
        assertThat(csv(errorsCsv)).singleElement().satisfies(row -> {
            assertThat(row.get("column")).isEqualTo("victim_identities");
            assertThat(row.get("value")).isEqualTo(RowIssue.WITHHELD);
        });
    }

    @Test
    void restrictedValueOfARejectedRowIsNotShown() throws IOException {
        Path file = write("bad-row.csv", ALLEGATION_HEADER + "\n"
                + "CLI-7,2020-01-05,MINUSCA,sexual_abuse,military,finished,Synthetic person 4242\n"
                + "CLI-7,2020-01-05,MINUSCA,sexual_abuse,military,substantiated,Synthetic person 4243\n");

        CliRun r = run("import", "--db", db, "--type", "allegation", file.toString());

        assertThat(r.code()).isEqualTo(Main.REJECTED);
        assertThat(r.err()).contains("bad-row.csv row 2, column 'investigation_status'");
    }

    @Test
    void outputsOfTheDemoHoldNoRestrictedValue() {
        // run() itself fails on "Synthetic person" in any output; these cover the commands that show allegations.
        List<CliRun> runs = List.of(
                run("indicators", "--db", db, "--indicator", "P5.SEA_ALLEGATIONS", "--format", "json"),
                run("indicators", "--db", db, "--mission", "MINUSCA", "--format", "table"),
                run("scorecard", "--db", db, "--format", "json"),
                run("submissions", "--db", db, "--type", "allegation"));
        assertThat(runs).extracting(CliRun::code).containsOnly(0);
        assertThat(firstDemo.all()).doesNotContain("Synthetic person");
    }
}
