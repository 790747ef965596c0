package org.a4p.ingest;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.a4p.exchange.SpreadsheetText;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The errors and warnings of an import as CSV ({@code severity,file,row,column,value,expected}),
 * for {@code import --errors FILE} and the data page's download alike. A restricted field's value
 * is already withheld in every {@link RowIssue}; text that a spreadsheet could run as a formula is
 * neutralised.
 */
public final class IssueReport {
    private IssueReport() {}

    /** Every error (of a rejected import) and then every warning of {@code outcome}. */
    public static void write(Writer writer, ImportOutcome outcome) throws IOException {
        List<RowIssue> errors = outcome instanceof ImportOutcome.Rejected rejected ? rejected.errors() : List.of();
        write(writer, errors, outcome.warnings());
    }

    public static void write(Writer writer, List<RowIssue> errors, List<RowIssue> warnings) throws IOException {
        List<Object[]> rows = new ArrayList<>();
        errors.forEach(error -> rows.add(row("error", error)));
        warnings.forEach(warning -> rows.add(row("warning", warning)));
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
        csv.printRecord("severity", "file", "row", "column", "value", "expected");
        for (Object[] row : rows) {
            csv.printRecord(row);
        }
        csv.flush();
    }

    private static Object[] row(String severity, RowIssue issue) {
        return SpreadsheetText.csvRecord(severity, issue.file(), issue.row() > 0 ? issue.row() : null, issue.column(), issue.value(),
                issue.expected());
    }
}
