package org.a4p.pack;

import java.util.List;
import java.util.Map;

/**
 * How the columns of a file map onto a record type: our own layout (columns named as fields) or
 * a published one such as the UN fatalities table. A layout is recognised by its
 * {@code signature}: the header columns it must have. A published layout may warn, rather than
 * refuse, dates after a mission's end and up to {@code missionStartGraceDays} before its start; a
 * date earlier than that is always an error. {@code totals} are columns that must equal the sum of
 * other columns of the same row.
 */
public record Layout(
        String id,
        String name,
        String recordType,
        List<String> signature,
        Map<String, ColumnMapping> fields,
        Duplicates duplicates,
        boolean missionLifeWarnsOnly,
        int missionStartGraceDays,
        String snapshotColumn,
        List<Total> totals) {

    /** A column that must equal the sum of {@code parts}, other columns of the same row. */
    public record Total(String column, List<String> parts) {}

    /** Where one field's value comes from: a column, or a constant, with optional value mapping. */
    public record ColumnMapping(String column, String constant, Map<String, String> values, boolean trim) {}

    /**
     * What to do with rows that share a natural key within one file. {@code merge} false means
     * such rows are errors; true means they become one record where {@code sum} fields are added
     * and {@code mayDiffer} fields keep the first row's value, the other row's value going to the
     * field named as the map's value when there is one (every other field must agree).
     */
    public record Duplicates(boolean merge, List<String> sum, Map<String, String> mayDiffer) {
        public static final Duplicates REJECT = new Duplicates(false, List.of(), Map.of());
    }
}
