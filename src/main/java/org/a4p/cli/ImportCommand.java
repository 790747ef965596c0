package org.a4p.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.a4p.app.App;
import org.a4p.ingest.ImportFile;
import org.a4p.ingest.ImportOutcome;
import org.a4p.ingest.ImportRequest;
import org.a4p.ingest.IssueReport;
import org.a4p.ingest.RowIssue;
import org.a4p.ingest.SubmissionSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", description = {
        "Validates files of one record type and, if every row is good, writes them in one transaction.",
        "CSV (UTF-8, comma or semicolon, optionally .gz), XLSX and JSON. The layout (ours or a published UN one) is",
        "recognised from the header row. If any row is wrong, nothing is written and every error is listed."})
final class ImportCommand implements Callable<Integer> {
    static final int SHOWN = 50;

    @Spec
    CommandSpec spec;

    @Option(names = "--type", required = true, paramLabel = "TYPE", description = "Record type, e.g. fatality, personnel, allegation, site_environment.")
    String type;

    @Option(names = "--layout", paramLabel = "NAME", description = "Force a layout instead of recognising it from the header.")
    String layout;

    @Option(names = "--snapshot", description = "The files are the whole dataset: records they no longer hold are retired (kept in history, out of the figures).")
    boolean snapshot;

    @Option(names = "--synthetic", description = "Label the records as synthetic (made up for demonstration or tests).")
    boolean synthetic;

    @Option(names = "--accept-implausible", description = "Accept values that fail a plausibility rule (far outside the"
            + " group's own history); they are flagged in every figure that uses them.")
    boolean acceptImplausible;

    @Option(names = "--errors", paramLabel = "FILE", description = "Also write every error (and warning) as CSV to this file.")
    Path errorsFile;

    @Option(names = "--user", paramLabel = "NAME", description = "Who submits (default: the operating-system user).")
    String user;

    @Option(names = "--draft", description = "Validate the files and keep them as drafts: no record is written until"
            + " ./a4p submissions submit ID.")
    boolean draft;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import.")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new UsageProblem("no such file: " + file);
            }
        }
        try (App app = Main.database(spec).open()) {
            if (app.pack().recordType(type).isEmpty()) {
                throw new UsageProblem("unknown record type '" + type + "'; known: " + String.join(", ", app.pack().recordTypes().keySet()));
            }
            if (app.pack().recordType(type).orElseThrow().reporting().system()) {
                throw new UsageProblem("'" + type + "' records are written by A4P+ Monitor itself and cannot be imported");
            }
            List<ImportFile> importFiles = files.stream().map(ImportFile::of).toList();
            String who = user == null ? System.getProperty("user.name", "unknown") : user;
            ProgressBar progress = new ProgressBar(System.err);
            ImportOutcome outcome = app.importer().run(new ImportRequest(type, layout, importFiles, snapshot, synthetic, who, acceptImplausible,
                    draft, null), progress);
            if (errorsFile != null) {
                writeIssues(errorsFile, outcome);
            }
            if (outcome instanceof ImportOutcome.Rejected rejected) {
                err.printf("Rejected: %d error(s) in %d file(s); nothing was written.%n", rejected.errorCount(), files.size());
                rejected.errors().stream().limit(SHOWN).forEach(e -> err.println("  " + e.message()));
                if (rejected.errorCount() > SHOWN) {
                    err.printf("  ... and %d more.%n", rejected.errorCount() - SHOWN);
                    err.println("Errors by column and rule:");
                    summarize(rejected.errors()).forEach((rule, count) -> err.printf("  %7d  %s%n", count, rule));
                    if (errorsFile == null) {
                        err.println("Use --errors FILE to get every error as CSV.");
                    }
                }
                if (errorsFile != null) {
                    err.println("Every error is in " + errorsFile + ".");
                }
                return Main.REJECTED;
            }
            ImportOutcome.Accepted accepted = (ImportOutcome.Accepted) outcome;
            for (SubmissionSummary s : accepted.submissions()) {
                out.printf("%s %d: %s (%s, layout %s%s)%n", draft ? "Draft" : "Submission", s.id(), s.fileName(), s.recordType(), s.layout(),
                        s.snapshotDate() == null ? "" : ", dataset snapshot " + s.snapshotDate());
                if (draft) {
                    out.printf("  %d rows read and valid, %d warnings; nothing written yet: ./a4p submissions submit %d%n", s.rowsRead(),
                            s.warnings(), s.id());
                    continue;
                }
                out.printf("  %d rows read: %d added, %d revised, %d unchanged, %d retired, %d warnings%s%n", s.rowsRead(), s.added(),
                        s.revised(), s.unchanged(), s.retired(), s.warnings(), s.synthetic() ? " (synthetic)" : "");
            }
            if (!draft) {
                out.println("Its records count in staff figures now, as provisional; an analyst approves it with"
                        + " ./a4p submissions approve ID, and a release publishes it.");
            }
            accepted.notes().forEach(note -> out.println("Note: " + note));
            if (!accepted.changes().isEmpty()) {
                out.println("Changed records:");
                accepted.changes().stream().limit(SHOWN).forEach(c -> out.printf("  %-8s %s%s%n", c.kind(), c.recordKey(),
                        c.fieldsChanged().isEmpty() ? "" : "  (" + String.join(", ", c.fieldsChanged()) + ")"));
                if (accepted.changes().size() > SHOWN) {
                    out.printf("  ... and %d more; see ./a4p submissions --changes ID%n", accepted.changes().size() - SHOWN);
                }
            }
            if (!accepted.warnings().isEmpty()) {
                out.printf("Warnings (%d; the rows were kept):%n", accepted.warnings().size());
                accepted.warnings().stream().limit(5).forEach(w -> out.println("  " + w.message()));
                if (accepted.warnings().size() > 5) {
                    out.println("  By column and rule:");
                    summarize(accepted.warnings()).forEach((rule, count) -> out.printf("  %7d  %s%n", count, rule));
                }
            }
            return Main.OK;
        }
    }

    /** Groups issues by column and rule, so that 10,000 identical errors read as one line. */
    static Map<String, Integer> summarize(List<RowIssue> issues) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (RowIssue issue : issues) {
            String rule = issue.expected().replaceAll("'[^']*'", "'...'").replaceAll("\\d{4}-\\d{2}-\\d{2}", "DATE");
            out.merge(issue.file() + (issue.column() == null ? "" : ", column '" + issue.column() + "'") + ": " + rule, 1, Integer::sum);
        }
        return out;
    }

    private static void writeIssues(Path path, ImportOutcome outcome) throws IOException {
        try (Writer writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            IssueReport.write(writer, outcome);
        }
    }
}
