package org.a4p.ingest.read;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

/**
 * JSON through Jackson's streaming {@link JsonParser}: a top-level array of objects, or an object with
 * a {@code "records"} array of objects (other fields of that object are ignored). Reads the file twice
 * and never holds more than one record: the first pass checks the structure and collects the header,
 * which is every field name in order of first appearance across all objects (exports often leave out
 * null fields, so the first object alone would not do); the second pass yields the rows. Uploads
 * given as a stream are therefore first copied to a temporary file. Values: strings as they are,
 * numbers as written in the file, booleans {@code true}/{@code false}, {@code null} and absent fields
 * as {@code null}; a nested object or array is an error naming the row and field, as is a repeated
 * field name within one object. An empty array is an error.
 */
final class JsonTableSource extends AbstractTableSource {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
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
            if (!enterArray()) {
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
            if (gzip) {
                try {
                    in = new GZIPInputStream(counted, 1 << 16);
                } catch (ZipException | EOFException e) {
                    throw new ReadException(fileName, 0, "not a gzip-compressed file", e);
                }
            } else {
                in = new BufferedInputStream(counted, 1 << 16);
            }
            return FACTORY.createParser(in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Positions {@link #parser} just inside the records array.
     *
     * @return false if the document is not an array or a {"records": [...]} object
     */
    private boolean enterArray() throws IOException {
        JsonToken t = parser.nextToken();
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
            if (!enterArray()) {
                throw new ReadException(fileName, 0,
                        "expected a list of records: an array of objects, or an object with a \"records\" array");
            }
            Map<String, Integer> trimmedToColumn = new HashMap<>();
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
                    if (!columnOfKey.containsKey(key)) {
                        String name = key.strip();
                        Integer column = trimmedToColumn.get(name);
                        if (column == null) {
                            column = names.size();
                            names.add(name);
                            trimmedToColumn.put(name, column);
                        }
                        columnOfKey.put(key, column);
                    }
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
        return new ReadException(fileName, row, "field \"" + abbreviate(key) + "\" holds "
                + (v == JsonToken.START_OBJECT ? "a nested object" : "a list")
                + "; only plain values (text, numbers, true/false, null) are accepted");
    }

    /** A field name as messages show it: names are the file's own text, of any length. */
    private static String abbreviate(String key) {
        return key.length() <= 40 ? key : key.substring(0, 40) + "...";
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
        if (e instanceof JsonProcessingException jpe) {
            String m = String.valueOf(jpe.getOriginalMessage());
            if (m.contains("Invalid UTF-8") || m.contains("Invalid UTF8")) {
                return new ReadException(fileName, row, "not UTF-8 text", e);
            }
            if (m.startsWith("Duplicate field '") && m.endsWith("'")) {
                String key = m.substring("Duplicate field '".length(), m.length() - 1);
                return new ReadException(fileName, row, "the same field appears twice in one record: '" + abbreviate(key) + "'", e);
            }
            String where = jpe.getLocation() == null ? ""
                    : " at line " + jpe.getLocation().getLineNr() + ", column " + jpe.getLocation().getColumnNr();
            if (e instanceof com.fasterxml.jackson.core.io.JsonEOFException) {
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
        if (e instanceof ZipException || e instanceof EOFException) {
            return new ReadException(fileName, row, "the compressed file is damaged or incomplete", e);
        }
        return new ReadException(fileName, row, "could not be read (" + e.getMessage() + ")", e);
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
                        throw new ReadException(fileName, index, "the file changed while it was being read");
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
