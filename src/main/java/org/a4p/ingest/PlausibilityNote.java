package org.a4p.ingest;

/** Tells a plausibility finding apart from an ordinary row issue: its text starts with the word {@code implausible}. */
public final class PlausibilityNote {
    private PlausibilityNote() {}

    public static boolean is(RowIssue issue) {
        return issue.expected() != null && issue.expected().startsWith(PlausibilityFinding.IMPLAUSIBLE);
    }
}
