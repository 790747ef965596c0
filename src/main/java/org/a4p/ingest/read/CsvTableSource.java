package org.a4p.ingest.read;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV (optionally gzip-compressed) through commons-csv. UTF-8 with or without byte order mark; the
 * delimiter (comma, semicolon or tab) is whichever occurs most often outside quotes in the header line
 * (ties: comma, then semicolon, then tab). Blank lines, and lines whose fields are all empty (such as
 * {@code ;;;} left by spreadsheet exports), are skipped. Empty fields stay {@code ""}; missing trailing
 * fields are {@code null}. More fields than header columns is an error unless the extra fields are all
 * empty (a trailing delimiter), which are dropped. Trailing empty header names are dropped likewise.
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
    private final int width;

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
            InputStream in = counted;
            if (gzip) {
                try {
                    in = new GZIPInputStream(counted, BUFFER);
                } catch (ZipException | EOFException e) {
                    throw new ReadException(fileName, 0, "not a gzip-compressed file", e);
                }
            }
            BufferedInputStream buffered = new BufferedInputStream(in, BUFFER);
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
                    .setReader(new Utf8Reader(buffered, BUFFER))
                    .setFormat(format)
                    .get();
            this.records = parser.iterator();
            this.header = readHeader();
            this.width = header.size();
        } catch (IOException e) {
            closeQuietly();
            throw new ReadException(fileName, 0, "could not be read (" + e.getMessage() + ")", e);
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
            throw new ReadException(fileName, 1, "the first line has no column names");
        }
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
        if (e instanceof Utf8Reader.NotUtf8Exception) {
            return new ReadException(fileName, row,
                    "not UTF-8 text (save the file as \"CSV UTF-8\" and upload it again)", e);
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
        CSVRecord record = nextNonBlankRecord();
        if (record == null) {
            done = true;
            return false;
        }
        String[] values = record.values();
        int n = values.length;
        if (n != width) {
            if (n > width) {
                for (int i = width; i < n; i++) {
                    if (!values[i].isEmpty()) {
                        throw new ReadException(fileName, lastStart,
                                n + " values but the header has " + width
                                        + " columns (is a value containing the delimiter not in quotes?)");
                    }
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
