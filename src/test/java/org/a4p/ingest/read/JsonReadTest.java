package org.a4p.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReadTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void arrayOfObjectsHeaderIsUnionInOrderOfFirstAppearance() throws IOException {
        Path p = write("data.json", """
                [
                  {" id ": "A-1", "count": 1.50, "ok": true, "note": null},
                  {" id ": "A-2", "extra": "new", "count": -3, "ok": false},
                  {}
                ]
                """);
        try (TableSource src = TableReaders.open(p)) {
            assertThat(src.header()).containsExactly("id", "count", "ok", "note", "extra");
            assertThat(CsvReadTest.readAll(src)).containsExactly(
                    new SourceRow(1, new String[] {"A-1", "1.50", "true", null, null}),
                    new SourceRow(2, new String[] {"A-2", "-3", "false", null, "new"}),
                    new SourceRow(3, new String[] {null, null, null, null, null}));
            assertThat(src.progress()).isEqualTo(1.0);
        }
    }

    @Test
    void recordsObjectForm() throws IOException {
        Path p = write("export.json", """
                {"mission": "MINUSCA", "records": [{"a": "x", "b": 2}, {"b": 3}], "exported": {"by": "me"}}
                """);
        try (TableSource src = TableReaders.open(p)) {
            assertThat(src.header()).containsExactly("a", "b");
            assertThat(CsvReadTest.readAll(src)).containsExactly(
                    new SourceRow(1, new String[] {"x", "2"}),
                    new SourceRow(2, new String[] {null, "3"}));
        }
    }

    @Test
    void gzipAndStream() throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(b)) {
            out.write("[{\"k\":\"v\"}]".getBytes(StandardCharsets.UTF_8));
        }
        try (TableSource src = TableReaders.open("up.json.gz", new ByteArrayInputStream(b.toByteArray()))) {
            assertThat(src.header()).containsExactly("k");
            assertThat(src.next().values()).containsExactly("v");
            assertThat(src.hasNext()).isFalse();
        }
    }

    @Test
    void nestedValueIsAnError() throws IOException {
        Path p = write("data.json", "[{\"a\": 1}, {\"a\": 2}, {\"a\": 3, \"where\": {\"lat\": 1}}]");
        assertThatThrownBy(() -> TableReaders.open(p))
                .isInstanceOfSatisfying(ReadException.class, e -> {
                    assertThat(e.row()).isEqualTo(3);
                    assertThat(e.getMessage()).startsWith("data.json row 3: field \"where\" holds a nested object");
                });
        Path q = write("list.json", "[{\"a\": [1, 2]}]");
        assertThatThrownBy(() -> TableReaders.open(q))
                .hasMessageStartingWith("list.json row 1: field \"a\" holds a list");
    }

    @Test
    void elementThatIsNotAnObject() throws IOException {
        Path p = write("data.json", "[{\"a\": 1}, {\"a\": 2}, [1, 2]]");
        assertThatThrownBy(() -> TableReaders.open(p))
                .hasMessage("data.json row 3: expected an object of field names and values, got an array");
    }

    @Test
    void wrongShapesAndBrokenJson() throws IOException {
        assertThatThrownBy(() -> TableReaders.open(write("a.json", "{\"rows\": []}")))
                .hasMessageStartingWith("a.json: expected a list of records");
        assertThatThrownBy(() -> TableReaders.open(write("b.json", "[]")))
                .hasMessage("b.json: contains no records (the list of records is empty)");
        assertThatThrownBy(() -> TableReaders.open(write("c.json", "[{\"a\": 1}, {\"a\": 2,}]")))
                .isInstanceOf(ReadException.class)
                .hasMessageStartingWith("c.json row 2: not valid JSON at line 1, column");
        assertThatThrownBy(() -> TableReaders.open(write("d.json", "[{\"a\": 1, \"a\": 2}]")))
                .hasMessageStartingWith("d.json row 1: the same field appears twice in one record");
        assertThatThrownBy(() -> TableReaders.open(write("e.json", "[{\"a\": 1}] [2]")))
                .hasMessage("e.json: unexpected content after the list of records");
    }

    @Test
    void keysThatDifferOnlyInCaseOrSpacesAreOneColumn() throws IOException {
        Path p = write("data.json", "[{\"Mission\": \"A\"}, {\" mission \": \"B\", \"n\": 1}]");
        try (TableSource src = TableReaders.open(p)) {
            assertThat(src.header()).containsExactly("Mission", "n");
            assertThat(CsvReadTest.readAll(src)).containsExactly(
                    new SourceRow(1, new String[] {"A", null}), new SourceRow(2, new String[] {"B", "1"}));
        }
        assertThatThrownBy(() -> TableReaders.open(write("twice.json", "[{\"n\": 1}, {\"mission\": \"A\", \"MISSION\": \"B\"}]")))
                .hasMessage("twice.json row 2: the keys of this object name the column \"mission\" twice"
                        + " (as \"MISSION\" and another spelling); keep one");
    }

    @Test
    void boundsOnNumbersValuesAndNestingNameTheRowAndField() throws IOException {
        assertThatThrownBy(() -> TableReaders.open(write("n.json", "[{\"a\": 1}, {\"a\": " + "1".repeat(101) + "}]")))
                .hasMessage("n.json row 2: the number in field \"a\" is longer than 100 characters");
        Path longText = write("s.json", "[{\"a\": \"ok\"}, {\"a\": \"" + "x".repeat(Limits.MAX_FIELD_CHARS + 1) + "\"}]");
        try (TableSource src = TableReaders.open(longText)) {
            src.next();
            assertThatThrownBy(src::next).hasMessage(
                    "s.json row 2: the value of field \"a\" is longer than 100,000 characters, the most a value may have");
        }
        String deep = "[".repeat(Limits.MAX_JSON_DEPTH + 1) + "]".repeat(Limits.MAX_JSON_DEPTH + 1);
        assertThatThrownBy(() -> TableReaders.open(write("d.json", "{\"x\": " + deep + ", \"records\": [{\"a\": 1}]}")))
                .hasMessage("d.json: values nested more than 64 levels deep; records are objects of plain values");
    }

    @Test
    void emptyFileAndScalarDocument() throws IOException {
        assertThatThrownBy(() -> TableReaders.open(write("e.json", "  \n")))
                .hasMessage("e.json: the file is empty: expected a list of records");
        assertThatThrownBy(() -> TableReaders.open(write("s.json", "true")))
                .hasMessage("s.json: expected a list of records: an array of objects, or an object with a \"records\" array;"
                        + " got a true/false value");
    }

    @Test
    void utf16IsDetectedAndReadAsSuch() throws IOException {
        Path p = dir.resolve("utf16.json");
        Files.write(p, "[{\"name\": \"Bangui caf\u00e9\"}]".getBytes(StandardCharsets.UTF_16LE));
        try (TableSource src = TableReaders.open(p)) {
            assertThat(src.next().values()).containsExactly("Bangui caf\u00e9");
        }
    }

    @Test
    void invalidUtf8() throws IOException {
        Path p = dir.resolve("bad.json");
        byte[] head = "[{\"a\": \"ok\"}, {\"a\": \"caf".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"}]".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) 0xE9;
        System.arraycopy(tail, 0, all, head.length + 1, tail.length);
        Files.write(p, all);
        assertThatThrownBy(() -> TableReaders.open(p))
                .hasMessage("bad.json row 2: not UTF-8 text (Latin-1 or Windows-1252?); save the file as UTF-8 and import it again");
    }
}
