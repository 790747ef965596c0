package org.a4p.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.a4p.app.App;
import org.a4p.app.Json;
import org.a4p.audit.AuditEntry;
import org.a4p.audit.QueryAudit;
import org.a4p.audit.VerifyAudit;
import org.a4p.exchange.SpreadsheetText;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code a4p audit [filters]} lists the audit trail, newest first; {@code a4p audit verify} checks its hash chain. */
@Command(name = "audit", description = {"Lists the audit trail, newest entry first: every change, login, lockout and denied request.",
        "a4p audit verify checks that no entry was edited, deleted, inserted or reordered."},
        subcommands = AuditCommand.Verify.class)
final class AuditCommand implements Callable<Integer> {
    private static final int TABLE_DETAILS = 100;

    enum Format { table, csv, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--since", paramLabel = "T", description = "Entries at or after T: an instant (2026-11-30T10:00:00Z) or a date (2026-11-30, UTC).")
    String since;

    @Option(names = "--user", paramLabel = "U", description = "Entries whose actor is U (a user name, or cli:OS-USER for the command line).")
    String user;

    @Option(names = "--action", paramLabel = "A", description = "Entries of action A (user.add), or of every action it starts (user.).")
    String action;

    @Option(names = "--limit", paramLabel = "N", description = "At most N entries, the newest (default " + QueryAudit.DEFAULT_LIMIT + ").")
    Integer limit;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws IOException {
        try (App app = Main.database(spec).open()) {
            List<AuditEntry> entries = new QueryAudit(app.database().dataSource())
                    .run(new QueryAudit.Request(since, user, action, limit)).orElseThrow(Refused::new);
            PrintWriter out = spec.commandLine().getOut();
            switch (format) {
                case csv -> printCsv(entries, out);
                case json -> out.println(Json.pretty(entries));
                case table -> printTable(entries, out);
            }
            out.flush();
            return Main.OK;
        }
    }

    private static void printCsv(List<AuditEntry> entries, PrintWriter out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
        csv.printRecord("seq", "at", "actor", "action", "target", "before", "after", "prev_hash", "entry_hash");
        for (AuditEntry e : entries) {
            csv.printRecord(SpreadsheetText.csvRecord(e.seq(), e.at().toString(), e.actor(), e.action(), e.target(), compact(e.before()),
                    compact(e.after()), e.prevHash(), e.entryHash()));
        }
        csv.flush();
    }

    private static void printTable(List<AuditEntry> entries, PrintWriter out) {
        if (entries.isEmpty()) {
            out.println("No audit entries match.");
            return;
        }
        out.printf("%8s  %-20s  %-20s  %-22s  %-24s  %s%n", "seq", "at (UTC)", "actor", "action", "target", "before -> after");
        for (AuditEntry e : entries) {
            String details = (e.before() == null ? "" : compact(e.before()) + " -> ") + (e.after() == null ? "" : compact(e.after()));
            out.printf("%8d  %-20s  %-20s  %-22s  %-24s  %s%n", e.seq(), shown(e.at()), e.actor(), e.action(), e.target(),
                    details.length() > TABLE_DETAILS ? details.substring(0, TABLE_DETAILS - 3) + "..." : details);
        }
    }

    private static String shown(Instant at) {
        return at.toString().replace('T', ' ').replaceFirst("(\\.\\d+)?Z$", "");
    }

    private static String compact(JsonNode node) {
        return node == null ? "" : node.toString();
    }

    @Command(name = "verify", description = {"Checks the audit trail's hash chain: every entry present (seq 1, 2, 3…), linked to the one before,",
            "and matching its hash, and the head matching the last entry. Prints the head (SEQ:HASH): note it, and later",
            "--expect it to check that no entry was cut from the end since. Exit code 0 intact, 1 broken."})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--expect", paramLabel = "HEAD", description = "A head printed by an earlier verify (SEQ:HASH) that the chain must still hold.")
        String expect;

        @Override
        public Integer call() {
            try (App app = Main.database(spec).open()) {
                VerifyAudit.Report report = new VerifyAudit(app.database().dataSource()).run(new VerifyAudit.Request(expect))
                        .orElseThrow(Refused::new);
                PrintWriter out = spec.commandLine().getOut();
                if (report.broken().isPresent()) {
                    VerifyAudit.Break broken = report.broken().get();
                    out.printf("audit trail BROKEN at entry %d: %s%n", broken.seq(), broken.message());
                    out.printf("%s intact before it; head %s%n", count(report.entries()), report.head());
                    return Main.REJECTED;
                }
                out.printf("audit trail intact: %s%s; head %s%n", count(report.entries()),
                        report.entries() == 0 ? "" : " from " + report.first() + " to " + report.last(), report.head());
                if (expect != null) {
                    out.printf("it still holds the noted head %s%n", expect.trim().toLowerCase(Locale.ROOT));
                }
                return Main.OK;
            }
        }

        private static String count(long entries) {
            return entries == 1 ? "1 entry" : String.format(Locale.ROOT, "%,d entries", entries);
        }
    }
}
