package org.a4p.ingest;

import java.util.List;

/** The result of an import: accepted (written) or rejected (nothing written). */
public sealed interface ImportOutcome {

    List<RowIssue> warnings();

    /** The warnings about groups and months accepted despite a plausibility rule (import --accept-implausible). */
    default List<RowIssue> implausible() {
        return warnings().stream().filter(w -> w.expected().startsWith(PlausibilityFinding.IMPLAUSIBLE)).toList();
    }

    /** Every error found; nothing was written, so all {@code rowsRead} rows were refused. */
    record Rejected(List<RowIssue> errors, long errorCount, List<RowIssue> warnings, long rowsRead) implements ImportOutcome {

        /** The groups and months a plausibility rule held back (the import was otherwise sound). */
        public List<RowIssue> heldBack() {
            return errors.stream().filter(e -> e.expected().startsWith(PlausibilityFinding.IMPLAUSIBLE)).toList();
        }
    }

    /** Written in one transaction; one submission per file. */
    record Accepted(List<SubmissionSummary> submissions, List<Change> changes, List<RowIssue> warnings,
            List<String> notes, Timings timings) implements ImportOutcome {}

    /** Where an accepted import spent its time, in milliseconds. */
    record Timings(long read, long write, long refresh, long commit) {}

    /** A stored record that an import revised or retired; field names only, never values. */
    record Change(String file, String recordKey, String kind, List<String> fieldsChanged) {}
}
