package org.a4p.ingest.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;

/**
 * JSON through Jackson's streaming {@link JsonParser}: a top-level array of objects, or an object with
 * a {@code "records"} array of objects (other fields of that object are ignored). Reads the file twice
 * and never holds more than one record: the first pass checks the structure and collects the header,
 * which is every field name in order of first appearance across all objects (exports often leave out
 * null fields, so the first object alone would not do); the second pass yields the rows. Uploads
 * given as a stream are therefore first copied to a temporary file. Values: strings as they are,
 * numbers as written in the file, booleans {@code true}/{@code false}, {@code null} and absent fields
 * as {@code null}; a nested object or array is an error naming the row and field. An empty array is
 * an error.
 *
 * <p>The rule for keys: a key is a column, compared as layouts compare column names (trimmed,
 * ignoring case), so {@code "Mission"} in one object and {@code "mission "} in another are one
 * column, and a key no object shares simply adds a column the other rows leave empty (the import
 * lists columns its layout does not use). Two keys of one object that name the same column are an
 * error naming the row and both keys, as is a key that is not in the header on the second pass (the
 * file changed while it was read). The bounds of {@link Limits} hold: columns, value, name and
 * number lengths, nesting depth, and the inflation of a {@code .json.gz}. Text is UTF-8, or UTF-16
 * or UTF-32 as Jackson detects them from the first bytes (JSON's own rule, so no value is misread).
 */
final class JsonTableSource extends AbstractTableSource {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(Limits.MAX_JSON_DEPTH)
                    .maxStringLength(Limits.MAX_FIELD_CHARS)
                    .maxNameLength(Limits.MAX_NAME_CHARS)
                    .maxNumberLength(Limits.MAX_NUMBER_CHARS)
                    .build())
            .build();
    private static final String RECORDS = "records";

    private final String fileName;
    private final Path file;
    private final boolean gzip;
    private final Path tempToDelete;
    private final List<String> header;
    private final Map<String, Integer> columnOfKey;
    private final int width;
    private final long totalBytes;

    private CountingInputStream counted;
    private JsonParser parser;
    private long index;
    private volatile boolean done; // read by progress() from other threads
    private boolean closed;

    static TableSource open(String fileName, Path file, boolean gzip) {
        return new JsonTableSource(fileName, file, gzip, null);
    }

    /** Copies the stream to a temporary file (deleted on close), as the file is read twice. */
    static TableSource open(String fileName, InputStream in, long ignoredSize, boolean gzip) {
        Path tmp = null;
        try (in) {
            tmp = Files.createTempFile("a4p-upload-", gzip ? ".json.gz" : ".json");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new ReadException(fileName, 0, "could not be read (" + e.getMessage() + ")", e);
        }
        try {
            return new JsonTableSource(fileName, tmp, gzip, tmp);
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    private JsonTableSource(String fileName, Path file, boolean gzip, Path tempToDelete) {
        this.fileName = fileName;
        this.file = file;
        this.gzip = gzip;
        this.tempToDelete = tempToDelete;
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = -1;
        }
        this.totalBytes = size;
        this.columnOfKey = new HashMap<>();
        List<String> names = new ArrayList<>();
        scan(names);
        this.header = Collections.unmodifiableList(names);
        this.width = names.size();
        try {
            this.parser = openParser();
            if (!enterArray(parser.nextToken())) {
                throw new IllegalStateException("records array vanished between passes");
            }
        } catch (IOException e) {
            closeParser();
            throw translate(e, 0);
        } catch (RuntimeException e) {
            closeParser();
            throw e;
        }
    }

    private JsonParser openParser() throws IOException {
        InputStream raw = Files.newInputStream(file);
        counted = new CountingInputStream(raw);
        InputStream in = counted;
        try {
            in = gzip ? Gzip.open(fileName, counted) : new BufferedInputStream(counted, 1 << 16);
            return FACTORY.createParser(in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The column of a key: the same for keys that differ only in case or surrounding spaces. */
    private static String columnKey(String key) {
        return key.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Positions {@link #parser} just inside the records array, from the document's first token.
     *
     * @return false if the document is not an array or a {"records": [...]} object
     */
    private boolean enterArray(JsonToken t) throws IOException {
        if (t == JsonToken.START_ARRAY) {
            return true;
        }
        if (t == JsonToken.START_OBJECT) {
            while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken v = parser.nextToken();
                if (RECORDS.equals(name) && v == JsonToken.START_ARRAY) {
                    return true;
                }
                parser.skipChildren();
            }
        }
        return false;
    }

    /** First pass: checks every record and collects the field names. */
    private void scan(List<String> names) {
        long row = 0;
        long count = 0;
        try {
            parser = openParser();
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ReadException(fileName, 0, "the file is empty: expected a list of records");
            }
            if (!enterArray(first)) {
                throw new ReadException(fileName, 0, "expected a list of records: an array of objects, or an object"
                        + " with a \"records\" array; got " + describe(first));
            }
            Map<String, Integer> columnOfName = new HashMap<>();
            long[] lastRowOf = new long[16]; // per column: the last row that held it, to find two keys for one column
            JsonToken t;
            while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                row++;
                if (t != JsonToken.START_OBJECT) {
                    throw new ReadException(fileName, row,
                            "expected an object of field names and values, got " + describe(t));
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    JsonToken v = parser.nextToken();
                    if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                        throw nested(row, key, v);
                    }
                    Integer column = columnOfKey.get(key);
                    if (column == null) {
                        column = columnOfName.get(columnKey(key));
                        if (column == null) {
                            column = names.size();
                            if (column == Limits.MAX_COLUMNS) {
                                throw new ReadException(fileName, row, "the records have more than "
                                        + Limits.count(Limits.MAX_COLUMNS) + " different field names, the most a table may have");
                            }
                            names.add(key.strip());
                            columnOfName.put(columnKey(key), column);
                            if (column == lastRowOf.length) {
                                lastRowOf = Arrays.copyOf(lastRowOf, column * 2);
                            }
                        }
                        columnOfKey.put(key, column);
                    }
                    if (lastRowOf[column] == row) {
                        throw new ReadException(fileName, row, "the keys of this object name the column \""
                                + names.get(column) + "\" twice (as \"" + key + "\" and another spelling); keep one");
                    }
                    lastRowOf[column] = row;
                }
            }
            count = row;
            row = 0;
            // the rest of a {"records": [...]} wrapper, then nothing more
            if (parser.getParsingContext().inObject()) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    parser.nextToken();
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new ReadException(fileName, 0, "unexpected content after the list of records");
            }
        } catch (IOException e) {
            throw translate(e, row);
        } finally {
            closeParser();
        }
        if (names.isEmpty()) {
            throw new ReadException(fileName, 0, count == 0
                    ? "contains no records (the list of records is empty)"
                    : "the records have no fields");
        }
    }

    private ReadException nested(long row, String key, JsonToken v) {
        return new ReadException(fileName, row, "field \"" + Limits.abbreviate(key) + "\" holds "
                + (v == JsonToken.START_OBJECT ? "a nested object" : "a list")
                + "; only plain values (text, numbers, true/false, null) are accepted");
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the file";
        }
        return switch (t) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a text value";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a true/false value";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : t.asString();
        };
    }

    private ReadException translate(IOException e, long row) {
        if (e instanceof StreamConstraintsException tooLarge) {
            return new ReadException(fileName, row, describe(tooLarge), e);
        }
        if (e instanceof JsonProcessingException jpe) {
            String m = String.valueOf(jpe.getOriginalMessage());
            if (m.contains("Invalid UTF-8") || m.contains("Invalid UTF8")) {
                return new ReadException(fileName, row,
                        "not UTF-8 text (Latin-1 or Windows-1252?); save the file as UTF-8 and import it again", e);
            }
            if (m.startsWith("Duplicate field '") && m.endsWith("'")) {
                String key = m.substring("Duplicate field '".length(), m.length() - 1);
                return new ReadException(fileName, row, "the same field appears twice in one record: '" + Limits.abbreviate(key) + "'", e);
            }
            String where = jpe.getLocation() == null ? ""
                    : " at line " + jpe.getLocation().getLineNr() + ", column " + jpe.getLocation().getColumnNr();
            if (e instanceof JsonEOFException) {
                return new ReadException(fileName, row,
                        "the file ends in the middle of the data (is it incomplete?)", e);
            }
            // Jackson's reason, without its location details and character codes
            String reason = m.lines().findFirst().orElse(m);
            int marker = reason.indexOf(" (start marker");
            if (marker > 0) {
                reason = reason.substring(0, marker);
            }
            reason = reason.replaceAll(" \\(code \\d+\\)", "");
            if (reason.length() > 160) {
                reason = reason.substring(0, 160) + "...";
            }
            return new ReadException(fileName, row, "not valid JSON" + where + " (" + reason + ")", e);
        }
        if (Gzip.isInflateFailure(e)) {
            return new ReadException(fileName, row, Gzip.describe(e), e);
        }
        return new ReadException(fileName, row, "could not be read (" + e.getMessage() + ")", e);
    }

    private String currentKey() {
        try {
            return parser == null ? null : parser.currentName();
        } catch (IOException unknown) {
            return null;
        }
    }

    /** Which bound of {@link Limits} the file broke, naming the field when there is one. */
    private String describe(StreamConstraintsException e) {
        String m = String.valueOf(e.getOriginalMessage());
        String key = currentKey();
        String field = key == null ? "a field" : "field \"" + key + "\"";
        if (m.startsWith("Document nesting depth")) {
            return "values nested more than " + Limits.MAX_JSON_DEPTH + " levels deep; records are objects of plain values";
        }
        if (m.startsWith("String value length")) {
            return "the value of " + field + " is longer than " + Limits.count(Limits.MAX_FIELD_CHARS)
                    + " characters, the most a value may have";
        }
        if (m.startsWith("Number value length")) {
            return "the number in " + field + " is longer than " + Limits.MAX_NUMBER_CHARS + " characters";
        }
        if (m.startsWith("Name length")) {
            return "a field name is longer than " + Limits.MAX_NAME_CHARS + " characters, the most a column name may have";
        }
        return "too large to read (" + m.lines().findFirst().orElse(m) + ")";
    }

    @Override
    protected boolean advance() {
        if (done) {
            return false;
        }
        if (closed) {
            throw new IllegalStateException(fileName + " is closed");
        }
        try {
            JsonToken t = parser.nextToken();
            if (t != JsonToken.START_OBJECT) {
                done = true; // END_ARRAY: the first pass checked everything else
                closeParser();
                return false;
            }
            index++;
            String[] values = new String[width];
            int expected = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int column;
                if (expected < width && key.equals(header.get(expected))) {
                    column = expected;
                } else {
                    Integer c = columnOfKey.get(key);
                    if (c == null) {
                        throw new ReadException(fileName, index, "the key \"" + key
                                + "\" is not in the header: the file changed while it was being read");
                    }
                    column = c;
                }
                expected = column + 1;
                values[column] = switch (parser.nextToken()) {
                    case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getText();
                    case VALUE_TRUE -> "true";
                    case VALUE_FALSE -> "false";
                    case VALUE_NULL -> null;
                    default -> throw nested(index, key, parser.currentToken());
                };
            }
            next = new SourceRow(index, values);
            return true;
        } catch (IOException e) {
            throw translate(e, index);
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public double progress() {
        if (done) {
            return 1.0;
        }
        CountingInputStream c = counted;
        if (totalBytes <= 0 || c == null) {
            return 0.0;
        }
        return Math.min(1.0, (double) c.count() / totalBytes);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closeParser();
            deleteQuietly(tempToDelete);
        }
    }

    private void closeParser() {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException ignored) {
                // nothing useful to do
            }
            parser = null;
        }
        if (counted != null) {
            try {
                counted.close();
            } catch (IOException ignored) {
                // nothing useful to do
            }
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // left for the OS to clean up
            }
        }
    }
}
