package org.a4p.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.a4p.cli.Main;
import org.a4p.pack.PackFixture;
import org.a4p.support.CliRun;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values a spreadsheet would run as formulas, planted in records and in a test pack, come out of
 * every CSV and XLSX the commands write as text; numbers, negative ones too, come out unchanged.
 * The files are written by the real commands and read back with commons-csv and POI.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SafeSpreadsheetOutputTest {
    static final String PLANTED_MISSION = "=cmd|' /C calc'!A0";
    /** Hand-computed below: women minus men per org unit in 2020. */
    static final String PERSONNEL = """
            report_date,mission,contributing_country,category,women,men
            2020-12-31,=cmd|' /C calc'!A0,Ghana,military_contingent,1,9
            2020-12-31,MINUSCA,=cmd|' /C calc'!A0,military_contingent,2,8
            2020-12-31,MINUSCA,+SUM(1),military_contingent,0,10
            2020-12-31,MINUSCA,-2+3,military_contingent,3,7
            2020-12-31,MINUSCA,@SUM(A1),staff_officer,1,1
            """;
    static final String INDICATOR = """
            indicators:
              - id: P3.TEST_WOMEN_MINUS_MEN
                name: Women minus men (test)
                name_fr: Femmes moins hommes (test)
                unit: count
                direction: higher
                formula: sum(personnel.women) - sum(personnel.men)
                priority: P3
                commitment_areas: [PERFORMANCE_ACCOUNTABILITY]
            """;
    static final String CODE_LIST = """
            codelists:
              planted_kind:
                name: Planted kinds
                codes:
                  "@SUM(A1)": "+SUM(1)"
                  "-2+3": "=1+1"
            """;
    /** Its template's example row: ref =AA0, kind @SUM(A1), score 1, balance -2.5; its notes: the range "-5 to 5". */
    static final String RECORD_TYPE = """
            record_type:
              id: planted
              name: "@Planted values"
              description: Values a spreadsheet could take for formulas.
              date_field: seen_on
              mission_field: mission
              key: [ref]
              fields:
                - name: ref
                  type: text
                  required: true
                  pattern: "=[A-Z]{2}[0-9]"
                  description: "=HYPERLINK(\\"http://example.org\\",\\"help\\")"
                - name: seen_on
                  type: date
                  required: true
                - name: mission
                  type: mission
                  required: true
                - name: kind
                  type: code
                  codelist: planted_kind
                  required: true
                - name: score
                  type: integer
                  min: -5
                  max: 5
                - name: balance
                  type: decimal
                  max: -2.5
            """;

    @Parameter
    String url;

    @TempDir
    static Path root;

    Path folder;
    Path pack;

    @BeforeParameterizedClassInvocation
    void plantValues() throws IOException {
        folder = Files.createTempDirectory(root, "run");
        PackFixture fixture = PackFixture.copyBundled(folder.resolve("pack"));
        fixture.write("orgunits/missions.csv", fixture.read("orgunits/missions.csv") + PLANTED_MISSION
                + ",Planted mission,PKO,2000-01-01,,,,,planted by a test\n");
        fixture.write("indicators/test_planted.yaml", INDICATOR);
        fixture.write("codelists_planted.yaml", CODE_LIST);
        fixture.write("record_types/planted.yaml", RECORD_TYPE);
        fixture.replaceOnce("pack.yaml", "include:\n",
                "include:\n  - codelists_planted.yaml\n  - record_types/planted.yaml\n  - indicators/test_planted.yaml\n");
        assertThat(fixture.problems()).isEmpty();
        pack = fixture.root();
        Path personnel = Files.writeString(folder.resolve("personnel.csv"), PERSONNEL, StandardCharsets.UTF_8);
        CliRun run = run("import", "--type", "personnel", personnel.toString());
        assertThat(run.code()).as(run.all()).isEqualTo(Main.OK);
    }

    CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--db", url, "--pack", pack.toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    static List<List<String>> rows(Reader csv) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(csv).getRecords().stream()
                .map(CSVRecord::toList).toList();
    }

    @Test
    void rankingCsvNeutralisesPlantedCountriesAndKeepsTheNumbers() throws IOException {
        CliRun run = run("ranking", "--month", "2020-12", "--format", "csv");
        assertThat(run.code()).as(run.err()).isEqualTo(Main.OK);
        // share = 100 * women / (women + men); targets for 2020: 8% military contingents, 18% staff officers
        assertThat(rows(new StringReader(run.out()))).containsExactlyInAnyOrder(
                List.of("2020-12", "military_contingent", "1", "'-2+3", "3", "10", "30", "8", "GREEN"),
                List.of("2020-12", "military_contingent", "2", "'" + PLANTED_MISSION, "2", "10", "20", "8", "GREEN"),
                List.of("2020-12", "military_contingent", "3", "Ghana", "1", "10", "10", "8", "GREEN"),
                List.of("2020-12", "military_contingent", "4", "'+SUM(1)", "0", "10", "0", "8", "RED"),
                List.of("2020-12", "staff_officer", "1", "'@SUM(A1)", "1", "2", "50", "18", "GREEN"));
    }

    @Test
    void indicatorsCsvNeutralisesAPlantedOrgUnitAndKeepsNegativeValues() throws IOException {
        // planted mission: 1 - 9 = -8; PKO: (1 + 2 + 0 + 3 + 1) - (9 + 8 + 10 + 7 + 1) = -28
        CliRun planted = run("indicators", "--indicator", "P3.TEST_WOMEN_MINUS_MEN", "--mission", PLANTED_MISSION,
                "--period", "2020", "--totals", "--format", "csv");
        assertThat(planted.code()).as(planted.err()).isEqualTo(Main.OK);
        assertThat(rows(new StringReader(planted.out()))).extracting(row -> row.subList(0, 5))
                .containsExactly(List.of("P3.TEST_WOMEN_MINUS_MEN", "'" + PLANTED_MISSION, "2020", "", "-8"));

        CliRun pko = run("indicators", "--indicator", "P3.TEST_WOMEN_MINUS_MEN", "--period", "2020", "--totals", "--format", "csv");
        assertThat(pko.code()).as(pko.err()).isEqualTo(Main.OK);
        assertThat(rows(new StringReader(pko.out()))).extracting(row -> row.subList(0, 5))
                .containsExactly(List.of("P3.TEST_WOMEN_MINUS_MEN", "PKO", "2020", "", "-28"));
    }

    @Test
    void errorsReportNeutralisesTheBadValueAndTheFileNameButNotANegativeNumber() throws IOException {
        Path bad = Files.writeString(folder.resolve("=planted.csv"), """
                report_date,mission,contributing_country,category,women,men
                2021-01-31,MINUSCA,Ghana,military_contingent,=1+1,9
                2021-01-31,MINUSCA,Nepal,military_contingent,-5,9
                """, StandardCharsets.UTF_8);
        Path errors = folder.resolve("errors.csv");
        CliRun run = run("import", "--type", "personnel", "--errors", errors.toString(), bad.toString());
        assertThat(run.code()).as(run.all()).isEqualTo(Main.REJECTED);
        try (Reader reader = Files.newBufferedReader(errors, StandardCharsets.UTF_8)) {
            assertThat(rows(reader)).extracting(row -> row.subList(0, 5)).containsExactly(
                    List.of("error", "'=planted.csv", "2", "women", "'=1+1"),
                    List.of("error", "'=planted.csv", "3", "women", "-5"));
        }
    }

    @Test
    void templateMarksFormulaLikeTextAsTextAndItsExampleRowStillImports() throws IOException {
        Path template = folder.resolve("planted.xlsx");
        CliRun written = run("template", "planted", "--out", template.toString());
        assertThat(written.code()).as(written.all()).isEqualTo(Main.OK);

        List<String> marked = new ArrayList<>();
        try (InputStream in = Files.newInputStream(template); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as("%s!%s", sheet.getSheetName(), cell.getAddress()).isNotEqualTo(CellType.FORMULA);
                        boolean formulaLike = cell.getCellType() == CellType.STRING && SpreadsheetText.looksLikeFormula(cell.getStringCellValue());
                        assertThat(cell.getCellStyle().getQuotePrefixed()).as("%s!%s", sheet.getSheetName(), cell.getAddress())
                                .isEqualTo(formulaLike);
                        if (formulaLike) {
                            marked.add(cell.getStringCellValue());
                        }
                    }
                }
            }
            Row example = workbook.getSheet("data").getRow(1);
            assertThat(example.getCell(0).getStringCellValue()).isEqualTo("=AA0");
            assertThat(example.getCell(3).getStringCellValue()).isEqualTo("@SUM(A1)");
            assertThat(example.getCell(5).getNumericCellValue()).isEqualTo(-2.5);
        }
        assertThat(marked).containsExactlyInAnyOrder(
                "=AA0", "@SUM(A1)",                                             // the example row
                PLANTED_MISSION,                                                // the mission list
                "@Planted values (record type planted)", "-5 to 5",             // the notes: title, range,
                "=[A-Z]{2}[0-9]", "=HYPERLINK(\"http://example.org\",\"help\")"); // pattern and description

        // the marks leave the values as they were: the example row matches the pattern and the code list
        CliRun imported = run("import", "--type", "planted", template.toString());
        assertThat(imported.code()).as(imported.all()).isEqualTo(Main.OK);
        assertThat(imported.out()).contains("1 added");
    }
}
