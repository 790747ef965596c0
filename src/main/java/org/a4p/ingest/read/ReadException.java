package org.a4p.ingest.read;

/**
 * A file could not be read as a table. The message is written for a mission data officer, e.g.
 * {@code fatalities.csv row 12: unterminated quoted field}; it never contains a stack trace. The
 * technical cause, when there is one, stays attached as {@link #getCause()}.
 */
public final class ReadException extends RuntimeException {

    private final String file;
    private final long row;
    private final String detail;

    /**
     * @param file   the file name as the user knows it (no directories)
     * @param row    the row number a user sees (see {@link SourceRow#rowNumber()}), 0 when the problem
     *               is not tied to one row
     * @param detail what went wrong, in words for a data officer
     * @param cause  the technical cause, or null
     */
    public ReadException(String file, long row, String detail, Throwable cause) {
        super(compose(file, row, detail), cause);
        this.file = file;
        this.row = row;
        this.detail = detail;
    }

    public ReadException(String file, long row, String detail) {
        this(file, row, detail, null);
    }

    private static String compose(String file, long row, String detail) {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "input" : file);
        if (row > 0) {
            sb.append(" row ").append(row);
        }
        return sb.append(": ").append(detail).toString();
    }

    /** The file name as given to {@link TableReaders}. */
    public String file() {
        return file;
    }

    /** The row number a user sees, or 0 when the problem is not specific to one row. */
    public long row() {
        return row;
    }

    /** The message without the leading "file row N: " part. */
    public String detail() {
        return detail;
    }
}
