package org.a4p.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens CSV, XLSX and JSON files as {@link TableSource}s, choosing the format by the file name's
 * extension (case-insensitive).
 */
public final class TableReaders {

    /** The accepted extensions, as shown to users. */
    public static final String ACCEPTED = ".csv, .txt, .csv.gz, .xlsx, .json, .json.gz";

    enum Format { CSV, CSV_GZ, XLSX, JSON, JSON_GZ }

    private TableReaders() {
    }

    /**
     * Opens a file. The header is read before this returns, so an empty or unreadable file fails here.
     *
     * @throws ReadException if the extension is not accepted, the file cannot be opened, or its
     *                       start is not a readable table
     */
    public static TableSource open(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        Format format = formatOf(name);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw cannotOpen(name, e);
        }
        switch (format) {
            case XLSX:
                return XlsxTableSource.open(name, file);
            case JSON:
            case JSON_GZ:
                return JsonTableSource.open(name, file, format == Format.JSON_GZ);
            default:
                InputStream in;
                try {
                    in = Files.newInputStream(file);
                } catch (IOException e) {
                    throw cannotOpen(name, e);
                }
                return open(name, format, in, size);
        }
    }

    static ReadException cannotOpen(String name, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new ReadException(name, 0, "file not found", e);
        }
        if (e instanceof AccessDeniedException) {
            return new ReadException(name, 0, "permission denied: the file cannot be read", e);
        }
        return new ReadException(name, 0, "could not be opened (" + e.getMessage() + ")", e);
    }

    /**
     * Opens a stream (an upload or a classpath resource) whose format is given by {@code fileName}'s
     * extension. The returned source owns the stream and closes it; so does this method if it throws.
     * XLSX and JSON streams are first copied to a temporary file (deleted on close): POI needs random
     * access and the JSON reader reads twice. For CSV, {@link TableSource#progress()} stays 0 until the
     * end as the size is unknown; pass it to {@link #open(String, InputStream, long)} if known.
     */
    public static TableSource open(String fileName, InputStream in) {
        return open(fileName, in, -1);
    }

    /**
     * As {@link #open(String, InputStream)}, with the stream's length in bytes (or -1 if unknown) for
     * {@link TableSource#progress()}.
     */
    public static TableSource open(String fileName, InputStream in, long sizeBytes) {
        Format format;
        try {
            format = formatOf(fileName);
        } catch (ReadException e) {
            closeQuietly(in);
            throw e;
        }
        if (format == Format.XLSX) {
            return XlsxTableSource.open(fileName, in);
        }
        return open(fileName, format, in, sizeBytes);
    }

    private static TableSource open(String name, Format format, InputStream in, long size) {
        try {
            return switch (format) {
                case CSV -> new CsvTableSource(name, in, size, false);
                case CSV_GZ -> new CsvTableSource(name, in, size, true);
                case JSON -> JsonTableSource.open(name, in, size, false);
                case JSON_GZ -> JsonTableSource.open(name, in, size, true);
                case XLSX -> throw new AssertionError();
            };
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    static Format formatOf(String fileName) {
        String n = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv") || n.endsWith(".txt")) {
            return Format.CSV;
        }
        if (n.endsWith(".csv.gz")) {
            return Format.CSV_GZ;
        }
        if (n.endsWith(".xlsx")) {
            return Format.XLSX;
        }
        if (n.endsWith(".json")) {
            return Format.JSON;
        }
        if (n.endsWith(".json.gz")) {
            return Format.JSON_GZ;
        }
        String hint = n.endsWith(".xls") ? " (an old .xls workbook: save it as .xlsx in Excel)" : "";
        throw new ReadException(fileName, 0,
                "unsupported file type" + hint + "; accepted file types are " + ACCEPTED);
    }

    static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // nothing useful to do
            }
        }
    }
}
