package org.a4p.ingest;

import static org.a4p.support.Fixtures.accepted;
import static org.a4p.support.Fixtures.count;
import static org.a4p.support.Fixtures.csv;
import static org.a4p.support.Fixtures.importFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.a4p.app.App;
import org.a4p.support.Fixtures;
import org.a4p.testing.Databases;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same records arrive as CSV (any dialect), XLSX or JSON, and files that fit no layout are refused. */
class ImportFormatsTest {
    @TempDir
    Path folder;

    private static final String[] HEADER = {"report_date", "mission", "contributing_country", "category", "women", "men"};

    @Test
    void readsSemicolonCsvWithByteOrderMark() throws Exception {
        try (App app = Fixtures.app(Databases.h2Url("formats"))) {
            Path file = folder.resolve("personnel.csv");
            Files.writeString(file, "\uFEFF" + String.join(";", HEADER) + "\n2020-12-31;MINUSCA;\"Nepal; Federal Democratic Republic\";"
                    + "military_contingent;5;95\n", StandardCharsets.UTF_8);
            SubmissionSummary summary = accepted(importFiles(app, "personnel", false, file)).submissions().get(0);
            assertThat(summary.added()).isEqualTo(1);
            assertThat(count(app, "SELECT \"women\" FROM rec_personnel WHERE \"contributing_country\" = 'Nepal; Federal Democratic Republic'"))
                    .isEqualTo(5);
        }
    }

    @Test
    void readsAnExcelWorkbookWithDateCells() throws Exception {
        try (App app = Fixtures.app(Databases.h2Url("formats"))) {
            Path file = folder.resolve("personnel.xlsx");
            try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
                Sheet sheet = workbook.createSheet("data");
                Row header = sheet.createRow(0);
                for (int i = 0; i < HEADER.length; i++) {
                    header.createCell(i).setCellValue(HEADER[i]);
                }
                CellStyle dateStyle = workbook.createCellStyle();
                dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
                Row row = sheet.createRow(1);
                row.createCell(0).setCellValue(LocalDate.of(2020, 12, 31));
                row.getCell(0).setCellStyle(dateStyle);
                row.createCell(1).setCellValue("MINUSCA");
                row.createCell(2).setCellValue("Rwanda");
                row.createCell(3).setCellValue("military_contingent");
                row.createCell(4).setCellValue(20);
                row.createCell(5).setCellValue(80);
                workbook.write(out);
            }
            assertThat(accepted(importFiles(app, "personnel", false, file)).submissions().get(0).added()).isEqualTo(1);
            assertThat(count(app, "SELECT COUNT(*) FROM rec_personnel WHERE \"report_date\" = DATE '2020-12-31' AND \"men\" = 80")).isEqualTo(1);
        }
    }

    @Test
    void readsJsonRecords() throws Exception {
        try (App app = Fixtures.app(Databases.h2Url("formats"))) {
            Path file = folder.resolve("personnel.json");
            Files.writeString(file, """
                    {"records": [
                      {"report_date": "2020-12-31", "mission": "UNMISS", "contributing_country": "India",
                       "category": "military_contingent", "women": 10, "men": 90}
                    ]}""", StandardCharsets.UTF_8);
            assertThat(accepted(importFiles(app, "personnel", false, file)).submissions().get(0).added()).isEqualTo(1);
        }
    }

    @Test
    void refusesAHeaderThatFitsNoLayoutAndSaysWhatIsMissing() throws Exception {
        try (App app = Fixtures.app(Databases.h2Url("formats"))) {
            Path file = csv(folder, "other.csv", "date,mission,country,type,female,male", "2020-12-31,UNMISS,India,Troops,10,90");
            ImportOutcome outcome = importFiles(app, "personnel", false, file);
            List<RowIssue> errors = ((ImportOutcome.Rejected) outcome).errors();
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).message())
                    .startsWith("other.csv: the header row matches no layout of personnel.")
                    .contains("Layout 'personnel' is missing the column(s) [report_date, contributing_country, category, women, men]")
                    .contains("Layout 'un_contributions' is missing the column(s) [report_date, mission_acronym, contributing_country,"
                            + " personnel_type]")
                    .endsWith("Header found: [date, mission, country, type, female, male]");
            assertThat(count(app, "SELECT COUNT(*) FROM submission WHERE status <> 'rejected'")).isZero();
            assertThat(count(app, "SELECT COUNT(*) FROM submission WHERE status = 'rejected'")).isEqualTo(1); // the attempt is on record
        }
    }

    @Test
    void refusesTheSameKeyInTwoFilesOfOneImport() throws Exception {
        try (App app = Fixtures.app(Databases.h2Url("formats"))) {
            String header = String.join(",", HEADER);
            Path first = csv(folder, "a.csv", header, "2020-12-31,UNMISS,India,military_contingent,10,90");
            Path second = csv(folder, "b.csv", header, "2020-12-31,UNMISS,India,military_contingent,11,89");
            List<String> messages = ((ImportOutcome.Rejected) importFiles(app, "personnel", false, first, second)).errors().stream()
                    .map(RowIssue::message).toList();
            assertThat(messages).containsExactly("b.csv row 2, column 'mission': expected a unique record: the key mission=UNMISS,"
                    + " report_date=2020-12-31, contributing_country=India, category=military_contingent is also in a.csv row 2");
            assertThat(count(app, "SELECT COUNT(*) FROM rec_personnel")).isZero();
        }
    }

    @Test
    void readsTheUnContributionsLayoutAndAddsUpRowsThatRepeatAKey() throws Exception {
        try (App app = Fixtures.app(Databases.h2Url("formats"))) {
            Path file = csv(folder, "contributions.csv",
                    "report_date,mission_acronym,contributing_country,personnel_type,male,female,total,source_pdf,source_layout",
                    "2015-05-31,MINUSTAH,Argentina,Individual Police,14,2,16,x.pdf,country_first",
                    "2015-05-31,MINUSTAH,Argentina,Individual Police,0,0,0,x.pdf,country_first",
                    "2018-06-30,,Argentina,Troops,100,5,105,y.pdf,csv_like");
            ImportOutcome.Accepted outcome = accepted(importFiles(app, "personnel", false, file));
            assertThat(outcome.submissions().get(0).layout()).isEqualTo("un_contributions");
            assertThat(outcome.submissions().get(0).added()).isEqualTo(2);
            assertThat(count(app, "SELECT \"men\" FROM rec_personnel WHERE \"mission\" = 'MINUSTAH'")).isEqualTo(14);
            assertThat(count(app, "SELECT \"women\" FROM rec_personnel WHERE \"mission\" = 'UNSPECIFIED' AND \"category\" = 'military_contingent'"))
                    .isEqualTo(5);
        }
    }
}
