package org.a4p.templates;

import static org.a4p.templates.Workbooks.listValues;
import static org.a4p.templates.Workbooks.rowText;
import static org.a4p.templates.Workbooks.validation;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.a4p.pack.RecordType;
import org.a4p.support.CliRun;
import org.a4p.support.Fixtures;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code a4p template TYPE --out FILE}, run in-process. */
class TemplateCommandTest {
    @TempDir
    Path folder;

    static CliRun run(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.all()).doesNotContain("Exception");
        return run;
    }

    @Test
    void writesTheTemplateOfARecordType() throws Exception {
        Path file = folder.resolve("fatalities.xlsx");
        CliRun run = run("template", "fatality", "--out", file.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(file).isRegularFile();
        RecordType fatality = Fixtures.pack().recordType("fatality").orElseThrow();
        int dropDowns = new TemplateWriter(Fixtures.pack()).dropDowns(fatality);
        assertThat(dropDowns).isEqualTo(4); // mission, personnel_type, incident_type, gender
        assertThat(run.out()).contains("Wrote " + file + ": " + fatality.fields().size() + " columns, " + dropDowns + " drop-downs");
        try (XSSFWorkbook workbook = Workbooks.open(file)) {
            assertThat(rowText(workbook.getSheet("data").getRow(0)))
                    .containsExactlyElementsOf(fatality.fields().stream().map(f -> f.name()).toList());
        }
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left).as("no temporary file left behind").containsExactly(file);
        }
    }

    @Test
    void anUnknownRecordTypeIsAUsageError() {
        CliRun run = run("template", "nope");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("unknown record type 'nope'; known: ", "fatality", "personnel");
        assertThat(Path.of("nope-template.xlsx")).doesNotExist();
    }

    @Test
    void neverOverwritesAWorkbookUnlessForced() throws Exception {
        Path file = folder.resolve("filled.xlsx");
        Files.writeString(file, "records typed in", StandardCharsets.UTF_8);
        CliRun refused = run("template", "personnel", "--out", file.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("already exists", "--force");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("records typed in");

        CliRun forced = run("template", "personnel", "--out", file.toString(), "--force");
        assertThat(forced.code()).as(forced.err()).isZero();
        try (XSSFWorkbook workbook = Workbooks.open(file)) {
            assertThat(rowText(workbook.getSheet("data").getRow(0))).startsWith("report_date", "mission");
        }
    }

    @Test
    void aMissingFolderIsAUsageError() {
        CliRun run = run("template", "fatality", "--out", folder.resolve("no/such/folder/t.xlsx").toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("no such folder");
    }

    @Test
    void usesAnEditedPackGivenWithPack() throws Exception {
        Path pack = TestPacks.copyOfTheBundledPack(folder);
        Path codeLists = pack.resolve("codelists.yaml");
        String yaml = Files.readString(codeLists, StandardCharsets.UTF_8);
        assertThat(yaml).contains("      M: Male\n");
        Files.writeString(codeLists, yaml.replace("      M: Male\n", "      M: Male\n      X: Not recorded\n"), StandardCharsets.UTF_8);
        Path file = folder.resolve("edited.xlsx");
        CliRun run = run("--pack", pack.toString(), "template", "fatality", "--out", file.toString());
        assertThat(run.code()).as(run.err()).isZero();
        try (XSSFWorkbook workbook = Workbooks.open(file)) {
            int gender = rowText(workbook.getSheet("data").getRow(0)).indexOf("gender");
            assertThat(listValues(workbook, validation(workbook.getSheet("data"), gender).orElseThrow())).containsExactly("F", "M", "X");
        }
        CliRun notAPack = run("template", "fatality", "--pack", folder.toString(), "--out", folder.resolve("x.xlsx").toString());
        assertThat(notAPack.code()).isEqualTo(2);
        assertThat(notAPack.err()).contains("no pack.yaml");
    }
}
