package org.a4p.ingest.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV (optionally gzip-compressed) through commons-csv. UTF-8 with or without byte order mark; the
 * delimiter (comma, semicolon or tab) is whichever occurs most often outside quotes in the header line
 * (ties: comma, then semicolon, then tab). Blank lines, and lines whose fields are all empty (such as
 * {@code ;;;} left by spreadsheet exports), are skipped. Empty fields stay {@code ""}. Every other row
 * must have as many fields as the header as written: a missing or extra field would shift values into
 * the wrong columns. Trailing empty header names (a header ending in a delimiter, as rows then do too)
 * count as fields but are not columns: a value under one is an error. The bounds of {@link Limits}
 * hold, and UTF-16, a workbook or a binary file is refused by name (see {@link TextStart}).
 */
final class CsvTableSource extends AbstractTableSource {

    private static final int BUFFER = 1 << 16;
    private static final int HEADER_SCAN_LIMIT = 1 << 20;

    private final String fileName;
    private final CountingInputStream counted;
    private final long totalBytes;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    /** Columns: the header's names without trailing empty ones. */
    private final int width;
    /** Fields in the header as written, trailing empty names included: every row has as many. */
    private int fieldsPerRow;

    /** Physical lines consumed up to the end of the last record read: the next one starts on +1. */
    private long linesBefore;
    /** First physical line of the record most recently read. */
    private long lastStart;
    private volatile boolean done; // read by progress() from other threads
    private boolean closed;

    CsvTableSource(String fileName, InputStream raw, long totalBytes, boolean gzip) {
        this.fileName = fileName;
        this.totalBytes = totalBytes;
        this.counted = new CountingInputStream(raw);
        try {
            InputStream in = gzip ? Gzip.open(fileName, counted) : counted;
            BufferedInputStream buffered = new BufferedInputStream(in, BUFFER);
            String notText = TextStart.problem(buffered);
            if (notText != null) {
                throw new ReadException(fileName, 0, notText);
            }
            char delimiter = detectDelimiter(buffered);
            CSVFormat format = CSVFormat.Builder.create()
                    .setDelimiter(delimiter)
                    .setQuote('"')
                    .setRecordSeparator("\n")
                    .setIgnoreEmptyLines(false) // we skip blank lines ourselves to keep line numbers exact
                    .setIgnoreSurroundingSpaces(false)
                    .setTrim(false)
                    .get();
            this.parser = CSVParser.builder()
                    .setReader(new FieldLimitReader(new Utf8Reader(buffered, BUFFER), delimiter))
                    .setFormat(format)
                    .get();
            this.records = parser.iterator();
            this.header = readHeader();
            this.width = header.size();
        } catch (IOException e) {
            closeQuietly();
            throw translate(e, 0);
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    /**
     * Looks at the raw bytes of the first non-blank line (delimiters, quotes and line breaks are ASCII,
     * so this is safe on UTF-8) and counts candidate delimiters outside quotes; then rewinds.
     */
    private static char detectDelimiter(BufferedInputStream in) throws IOException {
        in.mark(HEADER_SCAN_LIMIT + 8);
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean inQuotes = false;
        boolean content = false;
        for (int i = 0; i < HEADER_SCAN_LIMIT; i++) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            if (b == '"') {
                inQuotes = !inQuotes;
                content = true;
            } else if (inQuotes) {
                continue;
            } else if (b == '\n' || b == '\r') {
                if (content) {
                    break;
                }
            } else if (b == ',') {
                commas++;
                content = true;
            } else if (b == ';') {
                semicolons++;
                content = true;
            } else if (b == '\t') {
                tabs++;
                content = true;
            } else if (b != ' ') {
                content = true;
            }
        }
        in.reset();
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return ',';
    }

    private List<String> readHeader() {
        CSVRecord record = nextNonBlankRecord();
        if (record == null) {
            throw new ReadException(fileName, 0, "the file is empty: expected a first line with the column names");
        }
        fieldsPerRow = record.size();
        List<String> names = new ArrayList<>(record.size());
        for (String v : record.values()) {
            String name = v.strip();
            if (!name.isEmpty() && name.charAt(0) == '\uFEFF') {
                name = name.substring(1).strip();
            }
            names.add(name);
        }
        while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
            names.remove(names.size() - 1);
        }
        if (names.isEmpty()) {
            throw new ReadException(fileName, lastStart, "the first line has no column names");
        }
        Limits.checkHeader(fileName, lastStart, names, column -> Integer.toString(column + 1));
        return Collections.unmodifiableList(names);
    }

    /** The next record that is not blank, with {@link #lastStart} set to its first line; null at the end. */
    private CSVRecord nextNonBlankRecord() {
        while (true) {
            lastStart = linesBefore + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                throw translate(e.getCause() != null ? e.getCause() : e, lastStart);
            }
            linesBefore = parser.getCurrentLineNumber();
            if (!isBlank(record)) {
                return record;
            }
        }
    }

    private static boolean isBlank(CSVRecord record) {
        String[] values = record.values();
        if (values.length == 1) {
            return values[0].isBlank();
        }
        for (String v : values) {
            if (!v.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private ReadException translate(Throwable e, long row) {
        if (e instanceof Utf8Reader.NotUtf8Exception notUtf8) {
            return new ReadException(fileName, row, (notUtf8.looksLikeLatin1
                    ? "not UTF-8 text: it looks like Latin-1 or Windows-1252"
                    : "not UTF-8 text (an invalid UTF-8 byte sequence)")
                    + "; save the file as CSV UTF-8 and import it again", e);
        }
        if (e instanceof FieldLimitReader.LimitExceeded limit) {
            return new ReadException(fileName, row, describe(limit), e);
        }
        if (e instanceof CSVException) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("EOF reached before encapsulated token finished")) {
                return new ReadException(fileName, row, "unterminated quoted field", e);
            }
            if (m.contains("Invalid character between encapsulated token and delimiter")) {
                return new ReadException(fileName, row,
                        "text after the closing quote of a quoted field (a quote inside a quoted field must be doubled: \"\")", e);
            }
            return new ReadException(fileName, row, "not a valid CSV line", e);
        }
        if (Gzip.isInflateFailure(e)) {
            return new ReadException(fileName, row, Gzip.describe((IOException) e), e);
        }
        return new ReadException(fileName, row, "could not be read (" + e.getMessage() + ")", e);
    }

    private String describe(FieldLimitReader.LimitExceeded limit) {
        boolean inHeader = header == null;
        String where = !inHeader && limit.field < header.size() && !header.get(limit.field).isEmpty()
                ? "column '" + header.get(limit.field) + "'" : "field " + (limit.field + 1);
        return switch (limit.breach) {
            case FIELD_TOO_LONG -> "the value in " + where + " is longer than " + Limits.count(Limits.MAX_FIELD_CHARS)
                    + " characters, the most a value may have" + (limit.quoted ? " (a quote left open?)" : "");
            case TOO_MANY_FIELDS -> inHeader
                    ? "the header has more than " + Limits.count(Limits.MAX_COLUMNS) + " columns, the most a table may have"
                    : "more than " + Limits.count(Limits.MAX_COLUMNS) + " fields, expected " + fieldsPerRow
                            + " as in the header (a value holding the delimiter without quotes?)";
        };
    }

    private String countMismatch(int fields) {
        return fields + (fields == 1 ? " field" : " fields") + ", expected " + fieldsPerRow + " as in the header"
                + (fields < fieldsPerRow ? " (a field or a delimiter missing?)"
                        : " (a value holding the delimiter without quotes, or a delimiter too many?)");
    }

    @Override
    protected boolean advance() {
        if (done) {
            return false;
        }
        if (closed) {
            throw new IllegalStateException(fileName + " is closed");
        }
        CSVRecord record = nextNonBlankRecord();
        if (record == null) {
            done = true;
            return false;
        }
        String[] values = record.values();
        if (values.length != fieldsPerRow) {
            throw new ReadException(fileName, lastStart, countMismatch(values.length));
        }
        if (fieldsPerRow > width) {
            for (int i = width; i < fieldsPerRow; i++) {
                if (!values[i].isBlank()) {
                    throw new ReadException(fileName, lastStart, "a value in field " + (i + 1)
                            + ", which has no column name in the header");
                }
            }
            values = Arrays.copyOf(values, width);
        }
        next = new SourceRow(lastStart, values);
        return true;
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
        if (totalBytes <= 0) {
            return 0.0;
        }
        return Math.min(1.0, (double) counted.count() / totalBytes);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            if (parser != null) {
                parser.close();
            }
        } catch (IOException | RuntimeException ignored) {
            // nothing useful to do
        }
        try {
            counted.close();
        } catch (IOException ignored) {
            // nothing useful to do
        }
    }
}
