package org.a4p.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Small workbooks written with POI, the XLSX target's starting points: valid ones, and a few broken from them. */
final class XlsxSeeds {
    private XlsxSeeds() {}

    static List<byte[]> all() throws IOException {
        byte[] fatalities = fatalities();
        return List.of(
                fatalities,
                stored(fatalities),
                dataSheetSecond(),
                headerOnly(),
                valueRightOfHeader(),
                longSheetName(),
                claimsTwoBillionStrings(),
                cellBeyondLastColumn(),
                Arrays.copyOf(fatalities, fatalities.length / 2));
    }

    /** A header, two rows of text, dates, numbers, booleans, a formula and a blank cell, on a sheet named data. */
    private static byte[] fatalities() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("data");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Row header = sheet.createRow(0);
            String[] names = {"casualty_id", "incident_date", "mission", "count", "dead", "total", "name"};
            for (int column = 0; column < names.length; column++) {
                header.createCell(column).setCellValue(names[column]);
            }
            for (int i = 1; i <= 2; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue("MINUSCA-2020-0" + i + "-0000" + i);
                row.createCell(1).setCellValue(LocalDate.of(2020, i, 15));
                row.getCell(1).setCellStyle(date);
                row.createCell(2).setCellValue("MINUSCA");
                row.createCell(3).setCellValue(i * 1.5);
                row.createCell(4).setCellValue(i == 1);
                Cell total = row.createCell(5);
                total.setCellFormula("D" + (i + 1) + "*2");
                total.setCellValue(i * 3.0); // the cached result, which the reader shows
                // column 6 (name) left blank
            }
            return bytes(workbook);
        }
    }

    private static byte[] dataSheetSecond() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("notes").createRow(0).createCell(0).setCellValue("read me first");
            XSSFSheet data = workbook.createSheet("Data");
            data.createRow(2).createCell(1).setCellValue("mission");
            data.createRow(3).createCell(1).setCellValue("UNMISS");
            return bytes(workbook);
        }
    }

    private static byte[] headerOnly() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("data").createRow(0).createCell(0).setCellValue("mission");
            return bytes(workbook);
        }
    }

    private static byte[] valueRightOfHeader() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("data");
            sheet.createRow(0).createCell(0).setCellValue("mission");
            sheet.createRow(1).createCell(3).setCellValue("beyond the header");
            return bytes(workbook);
        }
    }

    private static byte[] bytes(XSSFWorkbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

    /** An empty sheet whose name is far longer than Excel allows (31 characters), which POI will not write. */
    private static byte[] longSheetName() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("data");
            return edited(bytes(workbook), "xl/workbook.xml", "name=\"data\"", "name=\"" + "s".repeat(600) + "\"");
        }
    }

    /** Shared strings that claim two billion entries: the reader once sized a cache by that claim. */
    private static byte[] claimsTwoBillionStrings() throws IOException {
        return edited(headerOnly(), "xl/sharedStrings.xml", "uniqueCount=\"1\"", "uniqueCount=\"2000000000\"");
    }

    /** A header cell at column FXSHRXW, the largest an int holds: the reader once grew its cells array to it. */
    private static byte[] cellBeyondLastColumn() throws IOException {
        return edited(headerOnly(), "xl/worksheets/sheet1.xml", "r=\"A1\"", "r=\"FXSHRXW1\"");
    }

    /** The zip with {@code from} replaced by {@code to} in one entry, which must hold it. */
    private static byte[] edited(byte[] zip, String entryName, String from, String to) throws IOException {
        return copy(zip, ZipEntry.DEFLATED, (entry, content) -> {
            if (!entry.equals(entryName)) {
                return content;
            }
            String text = new String(content, StandardCharsets.UTF_8);
            if (!text.contains(from)) {
                throw new IllegalStateException(entryName + " of the seed workbook has no " + from + ": " + text);
            }
            return text.replace(from, to).getBytes(StandardCharsets.UTF_8);
        });
    }

    /** The same zip with every entry stored rather than deflated: the fuzzer's mutations then reach the XML itself. */
    private static byte[] stored(byte[] zip) throws IOException {
        return copy(zip, ZipEntry.STORED, (entry, content) -> content);
    }

    /** The zip's entries rewritten with the given compression method, their content passed through {@code edit}. */
    private static byte[] copy(byte[] zip, int method, BiFunction<String, byte[], byte[]> edit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream copy = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = edit.apply(entry.getName(), in.readAllBytes());
                ZipEntry edited = new ZipEntry(entry.getName());
                edited.setMethod(method);
                if (method == ZipEntry.STORED) {
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    edited.setSize(content.length);
                    edited.setCrc(crc.getValue());
                }
                copy.putNextEntry(edited);
                copy.write(content);
                copy.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
