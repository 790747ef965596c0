package org.a4p.ingest;

/**
 * One problem with one value of one row: an error rejects the import, a warning is reported and
 * the row is kept. {@code value} is null when no single value is at fault, and {@link #WITHHELD}
 * for a restricted field's value. A value longer than {@link #SHOWN_CHARS} is cut to its start and
 * its length, so that no report echoes a huge field.
 */
public record RowIssue(String file, long row, String column, String value, String expected) {
    /** Stands for the value of a restricted field, which no message may show. */
    public static final String WITHHELD = "(withheld: restricted field)";
    /** The most characters of a value an issue keeps. */
    public static final int SHOWN_CHARS = 100;

    public RowIssue {
        value = bounded(value);
    }

    private static String bounded(String value) {
        if (value == null || value.length() <= SHOWN_CHARS) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(SHOWN_CHARS - 1)) ? SHOWN_CHARS - 1 : SHOWN_CHARS;
        return value.substring(0, end) + String.format(java.util.Locale.ROOT, "… (%,d characters)", value.length());
    }

    /** Reads like: {@code fatalities.csv row 12, column 'incident_date': expected a date like 2020-03-31, got '31/02/2020'}. */
    public String message() {
        StringBuilder out = new StringBuilder(file);
        if (row > 0) {
            out.append(" row ").append(row);
        }
        if (column != null) {
            out.append(row > 0 ? ", " : ": ").append("column '").append(column).append('\'');
        }
        if (WITHHELD.equals(value)) {
            return out.append(": ").append(expected).append(" (value withheld: restricted field)").toString();
        }
        if (value != null && !expected.startsWith("expected")) {
            return out.append(": '").append(value).append("' ").append(expected).toString();
        }
        out.append(": ").append(expected);
        if (value != null) {
            out.append(", got '").append(value).append('\'');
        }
        return out.toString();
    }
}
