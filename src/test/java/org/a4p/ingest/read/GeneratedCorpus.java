package org.a4p.ingest.read;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The hostile files too big to commit or that must be crafted byte by byte (workbooks, gzip),
 * written at run time into a folder. Each is named as the corpus table of {@link HostileFilesTest} names it.
 */
final class GeneratedCorpus {
    static final String FATALITY_HEADER = "casualty_id,incident_date,mission,personnel_type,incident_type,gender,nationality,name";
    /** What the 50 MB field is made of: a report may show at most {@link org.a4p.ingest.RowIssue#SHOWN_CHARS} of it. */
    static final String HUGE_FIELD_UNIT = "A4PHUGE";

    private final Path folder;
    /** A local file the workbooks' external entities point at; its content must never surface. */
    final String secret;

    GeneratedCorpus(Path folder, String secret) {
        this.folder = folder;
        this.secret = secret;
    }

    static String fatality(int number, String name) {
        return String.format("MINUSCA-2021-03-%05d,2021-03-15,MINUSCA,military,malicious_act,M,BGD,%s", number, name);
    }

    void writeAll() throws IOException {
        Path secretFile = folder.resolve("secret.txt");
        Files.writeString(secretFile, secret, StandardCharsets.UTF_8);

        try (Writer out = Files.newBufferedWriter(folder.resolve("huge-field.csv"), StandardCharsets.UTF_8)) {
            out.write(FATALITY_HEADER + "\n" + fatality(1, "Person A") + "\n" + fatality(2, ""));
            String block = HUGE_FIELD_UNIT.repeat(1 << 10);
            for (long written = 0; written < 50_000_000; written += block.length()) {
                out.write(block);
            }
            out.write("\n" + fatality(3, "Person C") + "\n");
        }
        try (Writer out = Files.newBufferedWriter(folder.resolve("unterminated-quote-big.csv"), StandardCharsets.UTF_8)) {
            out.write(FATALITY_HEADER + "\n" + fatality(1, "Person A") + "\n" + fatality(2, "\"Person B") + "\n");
            for (int i = 3; i < 5_000; i++) {
                out.write(fatality(i, "Person") + "\n");
            }
        }
        StringBuilder wide = new StringBuilder(FATALITY_HEADER);
        for (int i = 1; i <= 5_000; i++) {
            wide.append(",extra_").append(i);
        }
        Files.writeString(folder.resolve("wide-header.csv"), wide + "\n" + fatality(1, "Person A") + "\n");
        Files.writeString(folder.resolve("wide-row.csv"), FATALITY_HEADER + "\n" + fatality(1, "Person A") + ",".repeat(2_000_000) + "\n");

        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(folder.resolve("gzip-bomb.csv.gz")))) {
            out.write((FATALITY_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] blankLines = new byte[1 << 20];
            Arrays.fill(blankLines, (byte) '\n');
            for (int i = 0; i < 32; i++) {
                out.write(blankLines);
            }
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(folder.resolve("gzip-bomb.json.gz")))) {
            out.write('[');
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 32; i++) {
                out.write(spaces);
            }
            out.write(']');
        }
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gzipped)) {
            StringBuilder rows = new StringBuilder(FATALITY_HEADER).append('\n');
            for (int i = 1; i <= 3_000; i++) {
                rows.append(fatality(i, "Person " + i)).append('\n');
            }
            out.write(rows.toString().getBytes(StandardCharsets.UTF_8));
        }
        Files.write(folder.resolve("truncated.csv.gz"), Arrays.copyOf(gzipped.toByteArray(), gzipped.size() / 2));

        String nesting = "[".repeat(100_000) + "]".repeat(100_000);
        Files.writeString(folder.resolve("nesting-bomb.json"), "{\"notes\": " + nesting + ", \"records\": [{\"casualty_id\": \"X\"}]}");
        try (Writer out = Files.newBufferedWriter(folder.resolve("huge-string.json"), StandardCharsets.UTF_8)) {
            String fields = "\"incident_date\": \"2021-03-15\", \"mission\": \"MINUSCA\", \"personnel_type\": \"military\","
                    + " \"incident_type\": \"accident\"";
            out.write("[{\"casualty_id\": \"MINUSCA-2021-03-00001\", " + fields + ", \"name\": \"Person A\"},\n"
                    + " {\"casualty_id\": \"MINUSCA-2021-03-00002\", " + fields + ", \"name\": \"");
            String block = HUGE_FIELD_UNIT.repeat(1 << 10);
            for (long written = 0; written < 50_000_000; written += block.length()) {
                out.write(block);
            }
            out.write("\"}]");
        }

        byte[] workbook = workbook(sheet -> {
            row(sheet, 0, FATALITY_HEADER.split(","));
            row(sheet, 1, fatality(1, "Person A").split(","));
        });
        Files.write(folder.resolve("zip-renamed.csv"), workbook);
        Files.write(folder.resolve("truncated.xlsx"), Arrays.copyOf(workbook, workbook.length / 2));
        Files.write(folder.resolve("header-only.xlsx"), workbook(sheet -> row(sheet, 0, FATALITY_HEADER.split(","))));
        Files.write(folder.resolve("beyond-header.xlsx"), workbook(sheet -> {
            row(sheet, 0, FATALITY_HEADER.split(","));
            row(sheet, 1, fatality(1, "Person A").split(","));
            row(sheet, 2, fatality(2, "Person B").split(","));
            sheet.getRow(2).createCell(12).setCellValue("stray");
        }));
        String entity = "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"" + secretFile.toUri() + "\">]>";
        Files.write(folder.resolve("xxe-sheet.xlsx"), replacePart(workbook, "xl/worksheets/sheet1.xml",
                xml -> xml.replaceFirst("\\?>", "?>" + entity).replace("</sheetData>",
                        "<row r=\"3\"><c r=\"H3\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></sheetData>")));
        Files.write(folder.resolve("xxe-shared-strings.xlsx"), replacePart(workbook, "xl/sharedStrings.xml",
                xml -> xml.replaceFirst("\\?>", "?>" + entity).replace("Person A", "&xxe;")));
        Files.write(folder.resolve("zip-bomb.xlsx"), replacePart(workbook, "xl/worksheets/sheet1.xml",
                xml -> xml.replace("</sheetData>", "<row r=\"3\"></row>".repeat(3_000_000) + "</sheetData>")));
    }

    private interface SheetFiller {
        void fill(XSSFSheet sheet);
    }

    private static byte[] workbook(SheetFiller filler) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            filler.fill(workbook.createSheet("data"));
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static void row(XSSFSheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }

    /** The same zip with one part's text changed, written entry by entry with java.util.zip. */
    private static byte[] replacePart(byte[] zip, String part, java.util.function.UnaryOperator<String> change) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(part)) {
                    content = change.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                    found = true;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        if (!found) {
            throw new IllegalStateException("no part " + part + " in the workbook");
        }
        return bytes.toByteArray();
    }
}
