package org.a4p.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule itself: which values are neutralised, and how a CSV field and a workbook cell carry it. */
class SpreadsheetTextTest {
    static final List<String> FORMULAS = List.of("=cmd|' /C calc'!A0", "+SUM(1)", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1",
            "=HYPERLINK(\"http://example.org\",\"help\")", "=", "-", "+", "-5 to 5", "--5", "-1,5");

    @TempDir
    Path folder;

    @Test
    void putsAQuoteBeforeTextThatStartsLikeAFormula() {
        for (String formula : FORMULAS) {
            assertThat(SpreadsheetText.neutralise(formula)).as("%s", formula).isEqualTo("'" + formula);
        }
    }

    @Test
    void leavesNumbersAndOtherTextAsTheyAre() {
        for (String text : List.of("-5", "+3.2", "-0.25", "-12.", "-.5", "+1E5", "-2.5e-3", "Ghana", "2020-12", "field=code",
                "a=b", "'=1+1", "")) {
            assertThat(SpreadsheetText.neutralise(text)).as("%s", text).isEqualTo(text);
        }
        assertThat(SpreadsheetText.neutralise(null)).isNull();
    }

    @Test
    void aCsvRecordNeutralisesTextButKeepsNumbersAndEmptyValues() throws Exception {
        Object[] values = SpreadsheetText.csvRecord("=1+1", -5L, new BigDecimal("-2.5"), null, "-3", "Ghana", Thread.State.NEW,
                "=HYPERLINK(\"http://example.org\",\"help\")");
        assertThat(values).containsExactly("'=1+1", -5L, new BigDecimal("-2.5"), null, "-3", "Ghana", "NEW",
                "'=HYPERLINK(\"http://example.org\",\"help\")");

        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord(values);
        }
        List<CSVRecord> read = CSVFormat.DEFAULT.parse(new StringReader(out.toString())).getRecords();
        assertThat(read).singleElement().satisfies(r -> assertThat(r.toList()).containsExactly("'=1+1", "-5", "-2.5", "", "-3",
                "Ghana", "NEW", "'=HYPERLINK(\"http://example.org\",\"help\")"));
    }

    @Test
    void aWorkbookCellKeepsItsTextAndStyleAndIsMarkedAsTextWhenItLooksLikeAFormula() throws Exception {
        Path file = folder.resolve("cells.xlsx");
        int stylesBefore;
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            wrap.setFont(bold);
            Row row = workbook.createSheet("s").createRow(0);
            List<String> texts = List.of("=1+1", "plain", "-5", "\tx", "\rx", "@SUM(A1)");
            stylesBefore = workbook.getNumCellStyles();
            for (int c = 0; c < texts.size(); c++) {
                Cell cell = row.createCell(c);
                cell.setCellStyle(wrap);
                SpreadsheetText.setText(cell, texts.get(c));
            }
            // the marked cells share one new style: a workbook's styles are limited
            assertThat(workbook.getNumCellStyles()).isEqualTo(stylesBefore + 1);
            try (OutputStream stream = Files.newOutputStream(file)) {
                workbook.write(stream);
            }
        }
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook read = new XSSFWorkbook(in)) {
            Row row = read.getSheet("s").getRow(0);
            assertThat(row).allSatisfy(cell -> {
                assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                assertThat(cell.getCellStyle().getWrapText()).isTrue();
                assertThat(read.getFontAt(cell.getCellStyle().getFontIndex()).getBold()).isTrue();
            });
            assertThat(row).extracting(Cell::getStringCellValue).containsExactly("=1+1", "plain", "-5", "\tx", "\rx", "@SUM(A1)");
            assertThat(row).extracting(cell -> cell.getCellStyle().getQuotePrefixed()).containsExactly(true, false, false, true, true, true);
        }
    }
}
