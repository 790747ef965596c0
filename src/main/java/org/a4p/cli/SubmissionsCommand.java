package org.a4p.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.a4p.app.App;
import org.a4p.ingest.ListSubmissions;
import org.a4p.ingest.SubmissionStore;
import org.a4p.ingest.SubmissionSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "submissions", description = {"Lists the submissions (one per imported file), newest first, with their status;",
        "its sub-commands take the approval workflow's steps."},
        subcommands = {WorkflowStepCommand.Submit.class, WorkflowStepCommand.Approve.class, WorkflowStepCommand.Return.class,
                WorkflowStepCommand.Reopen.class})
final class SubmissionsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only submissions of this record type.")
    String type;

    @Option(names = "--changes", paramLabel = "ID", description = "List the records that submission ID revised or retired.")
    Long changes;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many submissions (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (App app = Main.database(spec).open()) {
            ListSubmissions submissions = new ListSubmissions(app.pack(), app.database());
            if (changes != null) {
                printChanges(submissions.changes(changes).orElseThrow(Refused::new), out);
            } else {
                printList(submissions.run(new ListSubmissions.Request(type, limit)).orElseThrow(Refused::new), out);
            }
            return Main.OK;
        }
    }

    private static void printList(List<SubmissionSummary> submissions, PrintWriter out) {
        out.printf("%5s  %-19s  %-16s  %-40s  %-16s  %-10s  %8s  %7s  %7s  %9s  %7s  %8s  %-10s  %s%n", "id", "submitted at (UTC)",
                "type", "file", "layout", "snapshot", "rows", "added", "revised", "unchanged", "retired", "warnings", "status", "by");
        for (SubmissionSummary s : submissions) {
            String file = s.fileName();
            out.printf("%5d  %-19s  %-16s  %-40s  %-16s  %-10s  %8d  %7d  %7d  %9d  %7d  %8d  %-10s  %s%s%n", s.id(),
                    s.submittedAt().toString().replace('T', ' ').replace("Z", ""), s.recordType(),
                    file.length() > 40 ? file.substring(0, 37) + "..." : file, s.layout(),
                    s.snapshotDate() == null ? "" : s.snapshotDate().toString(), s.rowsRead(), s.added(), s.revised(), s.unchanged(),
                    s.retired(), s.warnings(), s.status(), s.submittedBy(), s.synthetic() ? " (synthetic)" : "");
            if (s.decision() != null && s.decision().reason() != null) {
                out.printf("%5s  %s by %s: %s%n", "", s.status(), s.decision().by(), s.decision().reason().replaceAll("\\s+", " "));
            }
        }
        if (submissions.isEmpty()) {
            out.println("No submissions yet. Load the demo with ./a4p demo, or import files with ./a4p import.");
        }
    }

    private static void printChanges(ListSubmissions.Changes changes, PrintWriter out) {
        for (SubmissionStore.Change change : changes.changes()) {
            out.printf("%-8s %s%s%n", change.kind(), change.recordKey(),
                    change.fieldsChanged().isEmpty() ? "" : "  (" + String.join(",", change.fieldsChanged()) + ")");
        }
        if (changes.changes().isEmpty()) {
            out.println("Submission " + changes.submission().id() + " revised or retired no stored record.");
        }
    }
}
