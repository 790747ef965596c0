package org.a4p.ingest.read;

import java.util.Arrays;

/**
 * One data row of a table file.
 *
 * @param rowNumber the row number a user sees: for CSV the physical line number of the record's first
 *                  line (the header is line 1, so the first data row is usually 2); for XLSX the Excel
 *                  row number; for JSON the 1-based index of the object in the array
 * @param values    one value per column of {@link TableSource#header()}, always exactly that many; a
 *                  missing cell is {@code null}. CSV keeps empty fields as {@code ""}; XLSX blank cells
 *                  and JSON {@code null}s/absent fields are {@code null}. Values are not trimmed. A new
 *                  array for every row: callers may keep it.
 */
public record SourceRow(long rowNumber, String[] values) {

    /** The value of the given column (index into the header), or {@code null} if missing. */
    public String value(int column) {
        return column < values.length ? values[column] : null;
    }

    /** Number of values, which is the number of header columns. */
    public int size() {
        return values.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceRow r && r.rowNumber == rowNumber && Arrays.equals(r.values, values);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(rowNumber) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "SourceRow[" + rowNumber + ", " + Arrays.toString(values) + "]";
    }
}
