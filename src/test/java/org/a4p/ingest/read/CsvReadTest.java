package org.a4p.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReadTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    static List<SourceRow> readAll(TableSource src) {
        List<SourceRow> rows = new ArrayList<>();
        src.forEachRemaining(rows::add);
        return rows;
    }

    @Test
    void bomSemicolonsQuotedDelimitersAndEmbeddedNewline() throws IOException {
        Path p = write("fatalities.csv", "\uFEFF id ; name;note\r\n"
                + "1;\"Smith; John\";\"line one\nline two\"\r\n"
                + "\r\n"
                + "2;Doe;\r\n"
                + "3;\"say \"\"hi\"\"\";x\r\n"
                + ";;\r\n"
                + ";\r\n");
        try (TableSource src = TableReaders.open(p)) {
            assertThat(src.fileName()).isEqualTo("fatalities.csv");
            assertThat(src.header()).containsExactly("id", "name", "note");
            List<SourceRow> rows = readAll(src);
            assertThat(rows).containsExactly(
                    new SourceRow(2, new String[] {"1", "Smith; John", "line one\nline two"}),
                    new SourceRow(5, new String[] {"2", "Doe", ""}),
                    new SourceRow(6, new String[] {"3", "say \"hi\"", "x"}));
            assertThat(rows.get(1).value(2)).isEmpty();
            assertThat(src.progress()).isEqualTo(1.0);
        }
    }

    @Test
    void commaDelimitedWithTrailingDelimiterAndNoFinalNewline() throws IOException {
        Path p = write("Incidents.CSV", "date,place,\"count, total\",\n"
                + "2024-01-02,\"Bria, Sector East\",3,\n"
                + "2024-01-03,Bangui,4,");
        try (TableSource src = TableReaders.open(p)) {
            assertThat(src.header()).containsExactly("date", "place", "count, total");
            assertThat(readAll(src)).containsExactly(
                    new SourceRow(2, new String[] {"2024-01-02", "Bria, Sector East", "3"}),
                    new SourceRow(3, new String[] {"2024-01-03", "Bangui", "4"}));
        }
    }

    @Test
    void aRowWithoutTheHeadersTrailingDelimiterIsAnError() throws IOException {
        Path p = write("incidents.csv", "date,place,count,\n2024-01-02,Bria,3,\n2024-01-03,Bangui,4\n");
        try (TableSource src = TableReaders.open(p)) {
            assertThat(src.next().values()).containsExactly("2024-01-02", "Bria", "3");
            assertThatThrownBy(src::next)
                    .hasMessage("incidents.csv row 3: 3 fields, expected 4 as in the header (a field or a delimiter missing?)");
        }
    }

    @Test
    void aValueUnderATrailingEmptyHeaderNameIsAnError() throws IOException {
        Path p = write("incidents.csv", "date,place,count,\n2024-01-02,Bria,3,extra\n");
        try (TableSource src = TableReaders.open(p)) {
            assertThatThrownBy(src::next)
                    .hasMessage("incidents.csv row 2: a value in field 4, which has no column name in the header");
        }
    }

    @Test
    void fewerFieldsThanTheHeaderNamesRowAndCounts() throws IOException {
        Path p = write("fatalities.csv", "a;b;c;d;e;f\n1;2;3;4;5;6\n1;2;3;4\n");
        try (TableSource src = TableReaders.open(p)) {
            src.next();
            assertThatThrownBy(src::next).isInstanceOfSatisfying(ReadException.class, e -> {
                assertThat(e.row()).isEqualTo(3);
                assertThat(e.getMessage()).isEqualTo(
                        "fatalities.csv row 3: 4 fields, expected 6 as in the header (a field or a delimiter missing?)");
            });
        }
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsPlainTextAndDoesNotRunOnIntoALongField() throws IOException {
        StringBuilder text = new StringBuilder("id,height,note\n");
        for (int i = 0; i < 30_000; i++) {
            text.append(i).append(",5'11\",ok\n");
        }
        try (TableSource src = TableReaders.open(write("heights.csv", text.toString()))) {
            List<SourceRow> rows = readAll(src);
            assertThat(rows).hasSize(30_000);
            assertThat(rows.get(29_999).values()).containsExactly("29999", "5'11\"", "ok");
        }
    }

    @Test
    void aQuotedFieldIsOneFieldWhateverDelimitersLineBreaksAndDoubledQuotesItHolds() throws IOException {
        String content = "a,b\n\"c;!".repeat(Limits.MAX_FIELD_CHARS / 8); // exactly the limit, with 12,500 line breaks
        String quoted = "\"" + content.replace("\"", "\"\"") + "\"";
        Path p = write("notes.csv", "id,note\n1," + quoted + "\n2," + quoted.replaceFirst("\"$", "x\"") + "\n");
        try (TableSource src = TableReaders.open(p)) {
            assertThat(src.next().value(1)).isEqualTo(content);
            assertThatThrownBy(src::next).hasMessage("notes.csv row " + (3 + Limits.MAX_FIELD_CHARS / 8)
                    + ": the value in column 'note' is longer than 100,000 characters, the most a value may have"
                    + " (a quote left open?)");
        }
    }

    @Test
    void aFieldBeyondTheLimitIsStoppedNamingRowAndColumn() throws IOException {
        Path p = write("long.csv", "a,b,c\n1,2,3\n4," + "x".repeat(Limits.MAX_FIELD_CHARS + 1) + ",6\n");
        try (TableSource src = TableReaders.open(p)) {
            src.next();
            assertThatThrownBy(src::next).isInstanceOfSatisfying(ReadException.class, e -> {
                assertThat(e.row()).isEqualTo(3);
                assertThat(e.getMessage()).isEqualTo(
                        "long.csv row 3: the value in column 'b' is longer than 100,000 characters, the most a value may have");
            });
        }
        Path limit = write("limit.csv", "a,b\n1," + "x".repeat(Limits.MAX_FIELD_CHARS) + "\n");
        try (TableSource src = TableReaders.open(limit)) {
            assertThat(src.next().value(1)).hasSize(Limits.MAX_FIELD_CHARS);
        }
    }

    @Test
    void aHeaderOfMoreColumnsThanTheLimitIsAnError() throws IOException {
        StringBuilder header = new StringBuilder("c0");
        for (int i = 1; i <= Limits.MAX_COLUMNS; i++) {
            header.append(",c").append(i);
        }
        assertThatThrownBy(() -> TableReaders.open(write("wide.csv", header + "\n")))
                .hasMessage("wide.csv row 1: the header has more than 1,000 columns, the most a table may have");
    }

    @Test
    void aColumnNameTwiceIsAnErrorIgnoringCaseAndSpaces() throws IOException {
        assertThatThrownBy(() -> TableReaders.open(write("twice.csv", "id,mission, Mission \n1,A,B\n")))
                .hasMessage("twice.csv row 1: the column name 'Mission' appears twice (columns 2 and 3):"
                        + " rename or remove one, as only one of them could be read");
    }

    @Test
    void aSingleNulCharacterIsAValueForTheValidatorToJudge() throws IOException {
        Path p = write("nul.csv", "id,name\n1,ok\n2,a\u0000b\n");
        try (TableSource src = TableReaders.open(p)) {
            assertThat(readAll(src)).containsExactly(new SourceRow(2, new String[] {"1", "ok"}),
                    new SourceRow(3, new String[] {"2", "a\u0000b"}));
        }
    }

    @Test
    void utf16WorkbooksAndBinariesAreToldApartFromUtf8ByTheirFirstBytes() {
        assertThat(TextStart.problem("id,name\n1,é".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(TextStart.problem(("\uFEFFid,name").getBytes(StandardCharsets.UTF_16LE))).contains("it is UTF-16");
        assertThat(TextStart.problem("id,name\n1,x".getBytes(StandardCharsets.UTF_16BE))).contains("UTF-16 without a byte order mark");
        assertThat(TextStart.problem("id,name\n1,x".getBytes(StandardCharsets.UTF_16LE))).contains("UTF-16 without a byte order mark");
        assertThat(TextStart.problem(new byte[] {'P', 'K', 3, 4, 20, 0})).contains("zip archive");
        assertThat(TextStart.problem(new byte[] {'i', 'd', 0, 0, 0, 7, 'x', 'y', 'z', 'w'})).contains("NUL bytes");
        assertThat(TextStart.problem(new byte[] {'i', 'd', '\n', '1', 0, 'x', 'y', 'z', 'w', '\n'})).isNull(); // the row reports it
    }

    @Test
    void tabDelimitedTxt() throws IOException {
        Path p = write("export.txt", "a\tb,c\tz\n1\t2,3\t\n");
        try (TableSource src = TableReaders.open(p)) {
            assertThat(src.header()).containsExactly("a", "b,c", "z");
            assertThat(src.next().values()).containsExactly("1", "2,3", "");
            assertThat(src.hasNext()).isFalse();
        }
    }

    @Test
    void gzipCompressedCsv() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            StringBuilder sb = new StringBuilder("id;value\n");
            for (int i = 1; i <= 5000; i++) {
                sb.append(i).append(";v").append(i).append('\n');
            }
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        Path p = write("big.csv.gz", bytes.toByteArray());
        try (TableSource src = TableReaders.open(p)) {
            assertThat(src.header()).containsExactly("id", "value");
            assertThat(src.progress()).isBetween(0.0, 1.0);
            List<SourceRow> rows = readAll(src);
            assertThat(rows).hasSize(5000);
            assertThat(rows.get(4999)).isEqualTo(new SourceRow(5001, new String[] {"5000", "v5000"}));
            assertThat(src.progress()).isEqualTo(1.0);
        }
    }

    @Test
    void notGzip() throws IOException {
        Path p = write("plain.csv.gz", "a,b\n1,2\n");
        assertThatThrownBy(() -> TableReaders.open(p))
                .isInstanceOf(ReadException.class)
                .hasMessage("plain.csv.gz: not a gzip-compressed file");
    }

    @Test
    void tooManyValuesNamesRowAndCounts() throws IOException {
        Path p = write("fatalities.csv", "a,b\n1,2\n\n3,4,5\n6,7\n");
        try (TableSource src = TableReaders.open(p)) {
            assertThat(src.next().rowNumber()).isEqualTo(2);
            assertThatThrownBy(src::hasNext)
                    .isInstanceOfSatisfying(ReadException.class, e -> {
                        assertThat(e.file()).isEqualTo("fatalities.csv");
                        assertThat(e.row()).isEqualTo(4);
                        assertThat(e.getMessage()).isEqualTo("fatalities.csv row 4: 3 fields, expected 2 as in the header"
                                + " (a value holding the delimiter without quotes, or a delimiter too many?)");
                    });
            // the failure is final
            assertThatThrownBy(src::hasNext).isInstanceOf(ReadException.class);
        }
    }

    @Test
    void invalidUtf8NamesTheRowEvenFarIntoTheFile() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write("id,name\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 20_000; i++) {
            b.write(("" + i + ",Bambari é\n").getBytes(StandardCharsets.UTF_8));
        }
        b.write("x,caf".getBytes(StandardCharsets.UTF_8));
        b.write(0xE9); // Latin-1 é: not UTF-8
        b.write("\n".getBytes(StandardCharsets.UTF_8));
        Path p = write("latin1.csv", b.toByteArray());
        try (TableSource src = TableReaders.open(p)) {
            for (int i = 0; i < 20_000; i++) {
                assertThat(src.next().value(1)).isEqualTo("Bambari é");
            }
            assertThatThrownBy(src::next)
                    .isInstanceOf(ReadException.class)
                    .hasMessage("latin1.csv row 20002: not UTF-8 text: it looks like Latin-1 or Windows-1252;"
                            + " save the file as CSV UTF-8 and import it again")
                    .hasCauseInstanceOf(IOException.class);
        }
    }

    @Test
    void unterminatedQuote() throws IOException {
        Path p = write("bad.csv", "a,b\n1,2\n3,\"oops\n4,5\n");
        try (TableSource src = TableReaders.open(p)) {
            src.next();
            assertThatThrownBy(src::next).hasMessage("bad.csv row 3: unterminated quoted field");
        }
    }

    @Test
    void textAfterClosingQuote() throws IOException {
        Path p = write("bad.csv", "a,b\n\"1\"x,2\n");
        try (TableSource src = TableReaders.open(p)) {
            assertThatThrownBy(src::next)
                    .isInstanceOf(ReadException.class)
                    .hasMessageStartingWith("bad.csv row 2: text after the closing quote");
        }
    }

    @Test
    void emptyFile() throws IOException {
        Path p = write("empty.csv", "\uFEFF\n\n");
        assertThatThrownBy(() -> TableReaders.open(p))
                .isInstanceOf(ReadException.class)
                .hasMessageStartingWith("empty.csv: the file is empty");
    }

    @Test
    void headerOnlyIsAnError() throws IOException {
        Path p = write("h.csv", "a;b;c\n\n;;\n");
        try (TableSource src = TableReaders.open(p)) {
            assertThat(src.header()).containsExactly("a", "b", "c");
            assertThatThrownBy(src::hasNext).hasMessage("h.csv: the file has a header but no data rows");
        }
    }

    @Test
    void fromStream() {
        byte[] bytes = "x,y\n1,2\n".getBytes(StandardCharsets.UTF_8);
        try (TableSource src = TableReaders.open("upload.csv", new ByteArrayInputStream(bytes))) {
            assertThat(src.progress()).isEqualTo(0.0);
            assertThat(readAll(src)).containsExactly(new SourceRow(2, new String[] {"1", "2"}));
            assertThat(src.progress()).isEqualTo(1.0);
        }
    }

    @Test
    void missingFileAndWrongExtension() throws IOException {
        assertThatThrownBy(() -> TableReaders.open(dir.resolve("nope.csv")))
                .hasMessage("nope.csv: file not found");
        Path pdf = write("report.pdf", "%PDF");
        assertThatThrownBy(() -> TableReaders.open(pdf))
                .isInstanceOfSatisfying(ReadException.class, e -> {
                    assertThat(e.file()).isEqualTo("report.pdf");
                    assertThat(e.row()).isZero();
                    assertThat(e.getMessage()).startsWith("report.pdf: unsupported file type")
                            .contains(".csv, .txt, .csv.gz, .xlsx, .json, .json.gz");
                });
        assertThatThrownBy(() -> TableReaders.open("old.XLS", new ByteArrayInputStream(new byte[0])))
                .hasMessageContaining("save it as .xlsx");
    }
}
