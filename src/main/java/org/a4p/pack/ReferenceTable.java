package org.a4p.pack;

import java.util.List;
import java.util.Map;

/**
 * A small table of reference data in the pack that an analyst maintains, such as the Uniformed
 * Gender Parity Strategy's targets by year and category, or a term list for flagging media items.
 * Cells are text; {@code origin} is the file and line that define the table.
 */
public record ReferenceTable(String id, String description, List<String> columns, List<Map<String, String>> rows, String origin) {

    /** The rows whose cell in {@code column} equals {@code value}. */
    public List<Map<String, String>> where(String column, String value) {
        return rows.stream().filter(r -> value.equals(r.get(column))).toList();
    }
}
