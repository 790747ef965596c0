package org.a4p.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The rows of a group and month that an import adds or revises: the first few per file, and how many. */
final class RowSample {
    static final int SHOWN = 5;

    private final Map<String, List<Long>> firstRows = new LinkedHashMap<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();

    void add(String file, long row) {
        List<Long> rows = firstRows.computeIfAbsent(file, f -> new ArrayList<>());
        if (rows.size() < SHOWN) {
            rows.add(row);
        }
        counts.merge(file, 1L, Long::sum);
    }

    /** The file of the first row. */
    String firstFile() {
        return firstRows.keySet().iterator().next();
    }

    /** Reads like {@code rows 2, 3, 4, 5, 6 and 10 more (15 rows); in b.csv row 7}. */
    String describe() {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<Long>> entry : firstRows.entrySet()) {
            long count = counts.get(entry.getKey());
            String rows = entry.getValue().stream().map(String::valueOf).collect(Collectors.joining(", "));
            String text = (count == 1 ? "row " : "rows ") + rows
                    + (count > entry.getValue().size() ? String.format(java.util.Locale.ROOT, " and %,d more (%,d rows)",
                    count - entry.getValue().size(), count) : "");
            parts.add(parts.isEmpty() ? text : "in " + entry.getKey() + " " + text);
        }
        return String.join("; ", parts);
    }
}
