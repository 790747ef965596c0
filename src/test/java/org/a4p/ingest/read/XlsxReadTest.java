package org.a4p.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxReadTest {

    @TempDir
    Path dir;

    private Path save(XSSFWorkbook wb, String name) throws IOException {
        Path p = dir.resolve(name);
        try (wb; OutputStream out = Files.newOutputStream(p)) {
            wb.write(out);
        }
        return p;
    }

    @Test
    void cellTypesThroughTheStreamingReader() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        CellStyle dateStyle = wb.createCellStyle();
        dateStyle.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
        CellStyle dateTimeStyle = wb.createCellStyle();
        dateTimeStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        CellStyle twoDecimals = wb.createCellStyle();
        twoDecimals.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
        XSSFSheet sheet = wb.createSheet("Sheet1");

        Row h = sheet.createRow(0);
        String[] names = {" date ", "count", "ratio", "active", "note", "double"};
        for (int i = 0; i < names.length; i++) {
            h.createCell(i).setCellValue(names[i]);
        }
        Row r = sheet.createRow(1);
        r.createCell(0).setCellValue(LocalDate.of(2024, 3, 5));
        r.getCell(0).setCellStyle(dateStyle);
        r.createCell(1).setCellValue(42);
        r.createCell(2).setCellValue(3.25);
        r.getCell(2).setCellStyle(twoDecimals);
        r.createCell(3).setCellValue(true);
        r.createCell(4).setCellStyle(dateStyle); // blank cell
        r.createCell(5).setCellFormula("B2*2");

        Row empty = sheet.createRow(2); // an empty row, with a blank cell
        empty.createCell(1).setCellStyle(dateStyle);

        Row r4 = sheet.createRow(3);
        r4.createCell(0).setCellValue(LocalDateTime.of(2024, 3, 6, 14, 30));
        r4.getCell(0).setCellStyle(dateTimeStyle);
        r4.createCell(1).setCellValue(1.0e20);
        r4.createCell(2).setCellFormula("0.1+0.2");
        r4.createCell(3).setCellFormula("1>2");
        r4.createCell(4).setCellValue("  text kept as is ");
        r4.createCell(5).setCellFormula("\"a\"&\"b\"");
        XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
        Path p = save(wb, "report.xlsx");

        try (TableSource src = TableReaders.open(p)) {
            assertThat(src.header()).containsExactly("date", "count", "ratio", "active", "note", "double");
            assertThat(src.fileName()).isEqualTo("report.xlsx");
            List<SourceRow> rows = CsvReadTest.readAll(src);
            assertThat(rows).containsExactly(
                    new SourceRow(2, new String[] {"2024-03-05", "42", "3.25", "true", null, "84"}),
                    new SourceRow(4, new String[] {"2024-03-06T14:30", "100000000000000000000", "0.3", "false",
                            "  text kept as is ", "ab"}));
            assertThat(src.progress()).isEqualTo(1.0);
        }
    }

    @Test
    void sheetNamedDataIsPreferredAndLeadingEmptyRowsAreSkipped() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        wb.createSheet("Instructions").createRow(0).createCell(0).setCellValue("Fill in the data sheet");
        XSSFSheet data = wb.createSheet("Data");
        data.createRow(2).createCell(1).setCellValue("incident");
        data.getRow(2).createCell(2).setCellValue(2024);
        data.createRow(4).createCell(2).setCellValue(7);
        data.getRow(4).createCell(1).setCellValue("ambush");
        Path p = save(wb, "upload.XLSX");
        try (InputStream in = Files.newInputStream(p);
             TableSource src = TableReaders.open("upload.XLSX", in)) {
            assertThat(src.header()).containsExactly("", "incident", "2024");
            assertThat(CsvReadTest.readAll(src))
                    .containsExactly(new SourceRow(5, new String[] {null, "ambush", "7"}));
        }
    }

    @Test
    void firstSheetWhenNoneIsNamedData() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        wb.createSheet("Patrols").createRow(0).createCell(0).setCellValue("patrol");
        wb.getSheet("Patrols").createRow(1).createCell(0).setCellValue("P-1");
        wb.createSheet("Other").createRow(0).createCell(0).setCellValue("other");
        try (TableSource src = TableReaders.open(save(wb, "p.xlsx"))) {
            assertThat(src.header()).containsExactly("patrol");
            assertThat(src.next().values()).containsExactly("P-1");
        }
    }

    @Test
    void valueBeyondTheHeaderIsAnError() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        XSSFSheet s = wb.createSheet("data");
        s.createRow(0).createCell(0).setCellValue("a");
        s.getRow(0).createCell(1).setCellValue("b");
        s.createRow(1).createCell(0).setCellValue("1");
        s.createRow(2).createCell(3).setCellValue("stray");
        try (TableSource src = TableReaders.open(save(wb, "w.xlsx"))) {
            src.next();
            assertThatThrownBy(src::next)
                    .isInstanceOf(ReadException.class)
                    .hasMessage("w.xlsx row 3: a value in column D, but the header ends at column B");
        }
    }

    @Test
    void aColumnNameTwiceIsAnErrorNamingTheColumnsByLetter() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        XSSFSheet s = wb.createSheet("data");
        s.createRow(1).createCell(0).setCellValue("mission");
        s.getRow(1).createCell(2).setCellValue("Mission");
        s.createRow(2).createCell(0).setCellValue("A");
        Path p = save(wb, "twice.xlsx");
        assertThatThrownBy(() -> TableReaders.open(p))
                .hasMessage("twice.xlsx row 2: the column name 'Mission' appears twice (columns A and C):"
                        + " rename or remove one, as only one of them could be read");
    }

    @Test
    void notAWorkbook() throws IOException {
        Path p = dir.resolve("report.xlsx");
        Files.writeString(p, "id,name\n1,x\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TableReaders.open(p))
                .isInstanceOf(ReadException.class)
                .hasMessage("report.xlsx: not an Excel workbook (xlsx) file")
                .hasCauseInstanceOf(Exception.class);
    }

    @Test
    void emptySheet() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        wb.createSheet("data");
        assertThatThrownBy(() -> TableReaders.open(save(wb, "e.xlsx")))
                .hasMessageStartingWith("e.xlsx: the sheet \"data\" is empty");
    }

    @Test
    void numberFormatting() {
        assertThat(XlsxTableSource.plainNumber(42.0)).isEqualTo("42");
        assertThat(XlsxTableSource.plainNumber(-0.0)).isEqualTo("0");
        assertThat(XlsxTableSource.plainNumber(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(XlsxTableSource.plainNumber(1.5e-7)).isEqualTo("0.00000015");
        assertThat(XlsxTableSource.plainNumber(1.0e20)).isEqualTo("100000000000000000000");
        assertThat(XlsxTableSource.isoDate(0.5, false)).isEqualTo("12:00");
        assertThat(XlsxTableSource.isoDate(45356.0 + 1.0 / 86400, false)).isEqualTo("2024-03-05T00:00:01");
        assertThat(XlsxTableSource.columnOf("AB12")).isEqualTo(27);
    }
}
