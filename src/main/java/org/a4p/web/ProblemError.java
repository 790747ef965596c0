package org.a4p.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.a4p.ingest.RowIssue;

/**
 * One entry of a problem's {@code errors}: a row issue of an uploaded file (file, row, column,
 * value, expected, as {@link RowIssue} has them) or a bad request parameter (parameter, value,
 * expected). Absent members are left out.
 */
@JsonInclude(Include.NON_NULL)
@JsonPropertyOrder({"parameter", "file", "row", "column", "value", "expected"})
public record ProblemError(String parameter, String file, Long row, String column, String value, String expected) {
    /** Parameter values are echoed at most this long. */
    static final int SHOWN_CHARS = 100;

    /** A row issue; its value is already withheld when the field is restricted. */
    public static ProblemError of(RowIssue issue) {
        return new ProblemError(null, issue.file(), issue.row() > 0 ? issue.row() : null, issue.column(), issue.value(), issue.expected());
    }

    public static ProblemError parameter(String name, String value, String expected) {
        String shown = value == null || value.length() <= SHOWN_CHARS ? value : value.substring(0, SHOWN_CHARS) + "…";
        return new ProblemError(name, null, null, null, shown, expected);
    }
}
