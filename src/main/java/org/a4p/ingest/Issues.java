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
