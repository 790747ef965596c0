package org.a4p.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.a4p.app.App;
import org.a4p.release.ReadReleases;
import org.a4p.release.Release;
import org.a4p.release.ReleasedValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "releases", description = "Lists the releases, newest first, or what one release added, revised and withdrew.")
final class ReleasesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--changes", paramLabel = "N", description = "List the values release N added, revised or withdrew.")
    Integer changes;

    @Option(names = "--change", paramLabel = "KIND", description = "With --changes: only added, revised or withdrawn values.")
    String kind;

    @Option(names = "--limit", defaultValue = "100", description = "With --changes: at most this many values (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (App app = Main.database(spec).open()) {
            if (changes != null) {
                if (limit < 1) {
                    throw new UsageProblem("--limit must be 1 or more, got " + limit);
                }
                printChanges(app.releases().changes(changes, kind, limit).orElseThrow(Refused::new), out);
            } else {
                printList(app.releases().list(), out);
            }
            return Main.OK;
        }
    }

    private static void printList(List<Release> releases, PrintWriter out) {
        if (releases.isEmpty()) {
            out.println("No release yet. Approve submissions (./a4p submissions approve ID), then ./a4p release.");
            return;
        }
        out.printf("%7s  %-24s  %-16s  %9s  %9s  %9s  %9s  %11s  %s%n", "release", "published at (UTC)", "by", "values", "new", "revised",
                "withdrawn", "submissions", "note");
        for (Release r : releases) {
            out.printf("%7d  %-24s  %-16s  %9d  %9d  %9d  %9d  %11d  %s%n", r.number(), r.publishedAt(), r.publishedBy(), r.values(),
                    r.added(), r.revised(), r.withdrawn(), r.submissions(), r.note() == null ? "" : r.note().replaceAll("\\s+", " "));
        }
    }

    private static void printChanges(ReadReleases.Changes changes, PrintWriter out) {
        Release r = changes.release();
        out.printf("Release %d (%s): %d new, %d revised, %d withdrawn%n", r.number(), r.publishedAt(), r.added(), r.revised(), r.withdrawn());
        for (ReleasedValue v : changes.changes()) {
            out.printf("  %-9s %-28s %-12s %-8s %-24s %s%n", v.change(), v.indicator(), v.orgUnit(), v.period(), v.disaggregation(),
                    v.suppressed() ? "(suppressed)" : v.value() == null ? "" : ValueFormat.exact(v.value()));
        }
    }
}
