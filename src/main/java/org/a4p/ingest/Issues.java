package org.a4p.ingest;

import java.util.ArrayList;
import java.util.List;

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
    private final java.util.Map<String, Integer> missions = new java.util.HashMap<>();

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
        if (warnings.size() < KEPT) {
            warnings.add(new RowIssue(file, row, column, value, expected));
        }
    }

    String file() {
        return file;
    }

    void rowRead(String mission) {
        rowsRead++;
        if (mission != null) {
            missions.merge(mission, 1, Integer::sum);
        }
    }

    int rowsRead() {
        return rowsRead;
    }

    /** The mission most valid rows named, or UNSPECIFIED when none could be read. */
    String mainMission() {
        return missions.entrySet().stream().max(java.util.Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(java.util.Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .map(java.util.Map.Entry::getKey).orElse("UNSPECIFIED");
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
