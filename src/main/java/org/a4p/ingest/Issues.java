package org.a4p.ingest;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the errors and warnings of one import. Every error is counted; the first
 * {@link #KEPT} of each kind are kept in memory, which is plenty for a person to act on and
 * bounds memory on a file that is wrong on every row.
 */
final class Issues {
    static final int KEPT = 100_000;

    private final String file;
    private final List<RowIssue> errors;
    private final List<RowIssue> warnings;
    private long errorCount;
    private int rowsRead;
    private final Map<String, Integer> missions = new HashMap<>();
    private final Map<YearMonth, Integer> months = new HashMap<>();
    // A bit per row number: a row with several warnings counts once, in a few bytes per thousand rows.
    private final BitSet warnedRows = new BitSet();

    Issues(String file, List<RowIssue> errors, List<RowIssue> warnings) {
        this.file = file;
        this.errors = errors;
        this.warnings = warnings;
    }

    void error(long row, String column, String value, String expected) {
        errorCount++;
        if (errors.size() < KEPT) {
            errors.add(new RowIssue(file, row, column, value, expected));
        }
    }

    void fileError(String message) {
        errorCount++;
        errors.add(new RowIssue(file, 0, null, null, message));
    }

    void warning(long row, String column, String value, String expected) {
        if (row <= Integer.MAX_VALUE) { // beyond that a row is past any reader's reach
            warnedRows.set((int) row);
        }
        if (warnings.size() < KEPT) {
            warnings.add(new RowIssue(file, row, column, value, expected));
        }
    }

    String file() {
        return file;
    }

    /** Counts a row read, with the mission and month it names when those values were valid (else null). */
    void rowRead(String mission, YearMonth month) {
        rowsRead++;
        if (mission != null) {
            missions.merge(mission, 1, Integer::sum);
        }
        if (month != null) {
            months.merge(month, 1, Integer::sum);
        }
    }

    int rowsRead() {
        return rowsRead;
    }

    /** The rows with at least one warning, every one counted (not only those kept). */
    int rowsWarned() {
        return warnedRows.cardinality();
    }

    /** The mission most valid rows named, or UNSPECIFIED when none could be read; a tie goes to the first by name. */
    String mainMission() {
        return mostNamed(missions, Comparator.<String>reverseOrder()).orElse("UNSPECIFIED");
    }

    /** The month most rows' dates fall in, or null when no date could be read; a tie goes to the earliest. */
    YearMonth mainMonth() {
        return mostNamed(months, Comparator.<YearMonth>reverseOrder()).orElse(null);
    }

    private static <K> java.util.Optional<K> mostNamed(Map<K, Integer> counts, Comparator<K> tieBreak) {
        return counts.entrySet().stream()
                .max(Map.Entry.<K, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(tieBreak)))
                .map(Map.Entry::getKey);
    }

    long errorCount() {
        return errorCount;
    }

    List<RowIssue> errors() {
        return errors;
    }

    List<RowIssue> warnings() {
        return warnings;
    }

    static Issues create(String file) {
        return new Issues(file, new ArrayList<>(), new ArrayList<>());
    }
}
