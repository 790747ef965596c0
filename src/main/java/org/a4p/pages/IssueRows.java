package org.a4p.pages;

import java.util.List;
import org.a4p.ingest.PlausibilityNote;
import org.a4p.ingest.RowIssue;

/** Row errors and warnings as the data pages show them: implausible findings apart, a restricted field's value never shown. */
public final class IssueRows {
    /** One issue, ready to print; {@code row} empty when no single row is at fault, {@code value} null when there is none. */
    public record Row(String file, String row, String field, String value, boolean withheld, String expected) {}

    private IssueRows() {}

    /** The issues that are not implausible findings. */
    public static List<Row> rows(List<RowIssue> issues) {
        return issues.stream().filter(issue -> !PlausibilityNote.is(issue)).map(IssueRows::row).toList();
    }

    /** The implausible findings' texts: each names the group and month, its value, and the months it was compared with. */
    public static List<String> implausible(List<RowIssue> issues) {
        return issues.stream().filter(PlausibilityNote::is).map(RowIssue::expected).toList();
    }

    private static Row row(RowIssue issue) {
        boolean withheld = RowIssue.WITHHELD.equals(issue.value());
        return new Row(issue.file(), issue.row() > 0 ? Long.toString(issue.row()) : "", issue.column() == null ? "" : issue.column(),
                withheld ? null : issue.value(), withheld, issue.expected());
    }
}
