package org.a4p.ingest.read;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Throughput of the readers, not a test: {@code java ... org.a4p.ingest.read.ReadThroughput [dir]}.
 * Writes 1,000,000 CSV rows of 8 columns (plain and gzip), 1,000,000 JSON records and a 200,000-row
 * XLSX sheet, then reads each a few times through {@link TableReaders} and prints rows/s. For CSV it
 * also prints bare commons-csv (CSVParser over an InputStreamReader) so the overhead of this package
 * and the share of the parser can be told apart.
 */
public final class ReadThroughput {

    private static final int CSV_ROWS = 1_000_000;
    private static final int XLSX_ROWS = 200_000;
    private static final int RUNS = 3;

    private ReadThroughput() {
    }

    public static void main(String[] args) throws IOException {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.INFO); // POI's debug logging would drown the figures
        }
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("a4p-read-throughput");
        Files.createDirectories(dir);
        Path csv = dir.resolve("throughput.csv");
        Path gz = dir.resolve("throughput.csv.gz");
        Path json = dir.resolve("throughput.json");
        Path xlsx = dir.resolve("throughput.xlsx");
        writeCsv(csv, false);
        writeCsv(gz, true);
        writeJson(json);
        writeXlsx(xlsx);
        System.out.printf(Locale.ROOT, "files: csv %,d bytes, csv.gz %,d, json %,d, xlsx %,d%n",
                Files.size(csv), Files.size(gz), Files.size(json), Files.size(xlsx));

        for (int run = 1; run <= RUNS; run++) {
            report("commons-csv alone", CSV_ROWS, () -> bareCommonsCsv(csv));
            report("TableReaders csv", CSV_ROWS, () -> readAll(csv));
            report("TableReaders csv.gz", CSV_ROWS, () -> readAll(gz));
            report("TableReaders json", CSV_ROWS, () -> readAll(json));
            report("TableReaders xlsx", XLSX_ROWS, () -> readAll(xlsx));
        }
        if (args.length == 0) {
            for (Path p : new Path[] {csv, gz, json, xlsx}) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        }
    }

    interface Job {
        long run() throws IOException;
    }

    private static void report(String what, int expectedRows, Job job) throws IOException {
        long t0 = System.nanoTime();
        long rows = job.run();
        double s = (System.nanoTime() - t0) / 1e9;
        if (rows != expectedRows) {
            throw new IllegalStateException(what + ": read " + rows + " rows, expected " + expectedRows);
        }
        System.out.printf(Locale.ROOT, "%-22s %,9d rows in %6.3f s = %,10.0f rows/s%n", what, rows, s, rows / s);
    }

    private static long readAll(Path p) {
        long rows = 0;
        long chars = 0;
        try (TableSource src = TableReaders.open(p)) {
            while (src.hasNext()) {
                SourceRow r = src.next();
                String v = r.value(7);
                chars += v == null ? 0 : v.length();
                rows++;
            }
        }
        if (chars == 0) {
            throw new IllegalStateException("no data");
        }
        return rows;
    }

    private static long bareCommonsCsv(Path p) throws IOException {
        long rows = 0;
        CSVFormat format = CSVFormat.Builder.create(CSVFormat.DEFAULT).setDelimiter(';').get();
        try (Reader r = new InputStreamReader(Files.newInputStream(p), StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(r).setFormat(format).get()) {
            for (CSVRecord rec : parser) {
                if (rec.size() == 8) {
                    rows++;
                }
            }
        }
        return rows - 1; // header
    }

    private static String[] row(int i) {
        LocalDate day = LocalDate.of(2024, 1, 1).plusDays(i % 700);
        return new String[] {
            "INC-" + i,
            day.toString(),
            (i % 3 == 0) ? "MINUSCA" : (i % 3 == 1) ? "MONUSCO" : "UNMISS",
            "Sector " + (i % 17),
            Integer.toString(i % 250),
            (i % 10 == 0) ? "ambush; convoy" : "patrol",
            Double.toString((i % 9000) / 1000.0),
            (i % 2 == 0) ? "true" : "false"
        };
    }

    private static void writeCsv(Path p, boolean gzip) throws IOException {
        try (OutputStream raw = Files.newOutputStream(p);
             OutputStream out = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw;
             Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            w.write("\uFEFFincident_id;date;mission;location;fatalities;summary;score;verified\r\n");
            for (int i = 0; i < CSV_ROWS; i++) {
                String[] v = row(i);
                for (int c = 0; c < v.length; c++) {
                    if (c > 0) {
                        w.write(';');
                    }
                    if (v[c].indexOf(';') >= 0) {
                        w.write('"');
                        w.write(v[c]);
                        w.write('"');
                    } else {
                        w.write(v[c]);
                    }
                }
                w.write("\r\n");
            }
        }
    }

    private static void writeJson(Path p) throws IOException {
        String[] names = {"incident_id", "date", "mission", "location", "fatalities", "summary", "score", "verified"};
        try (Writer w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            w.write("{\"records\": [\n");
            for (int i = 0; i < CSV_ROWS; i++) {
                String[] v = row(i);
                w.write(i == 0 ? "{" : ",\n{");
                for (int c = 0; c < v.length; c++) {
                    if (c > 0) {
                        w.write(", ");
                    }
                    w.write('"');
                    w.write(names[c]);
                    w.write("\": ");
                    boolean plain = c == 4 || c == 6 || c == 7;
                    if (!plain) {
                        w.write('"');
                    }
                    w.write(v[c]);
                    if (!plain) {
                        w.write('"');
                    }
                }
                w.write('}');
            }
            w.write("\n]}\n");
        }
    }

    private static void writeXlsx(Path p) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 1000, true, true)) { // shared strings, like Excel
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet s = wb.createSheet("data");
            Row h = s.createRow(0);
            String[] names = {"incident_id", "date", "mission", "location", "fatalities", "summary", "score", "verified"};
            for (int c = 0; c < names.length; c++) {
                h.createCell(c).setCellValue(names[c]);
            }
            for (int i = 0; i < XLSX_ROWS; i++) {
                String[] v = row(i);
                Row r = s.createRow(i + 1);
                r.createCell(0).setCellValue(v[0]);
                r.createCell(1).setCellValue(LocalDate.parse(v[1]));
                r.getCell(1).setCellStyle(dateStyle);
                r.createCell(2).setCellValue(v[2]);
                r.createCell(3).setCellValue(v[3]);
                r.createCell(4).setCellValue(Integer.parseInt(v[4]));
                r.createCell(5).setCellValue(v[5]);
                r.createCell(6).setCellValue(Double.parseDouble(v[6]));
                r.createCell(7).setCellValue(Boolean.parseBoolean(v[7]));
            }
            try (OutputStream out = Files.newOutputStream(p)) {
                wb.write(out);
            }
        }
    }
}
