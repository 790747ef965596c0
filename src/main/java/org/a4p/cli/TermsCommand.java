package org.a4p.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.a4p.app.App;
import org.a4p.ingest.MissionTerms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "terms", description = {
        "Loads a mission's own term list for flagging media items (CSV, XLSX or JSON with the columns language, term,",
        "category, severity). The list is added to the pack's sample list for that mission's items from the next import on."})
final class TermsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--mission", required = true, paramLabel = "MISSION", description = "The mission whose list this is.")
    String mission;

    @Option(names = "--replace", description = "Replace the mission's earlier list instead of adding to it.")
    boolean replace;

    @Option(names = "--user", paramLabel = "NAME", description = "Who loads the list (default: the operating-system user).")
    String user;

    @Parameters(paramLabel = "FILE", description = "The term list.")
    Path file;

    @Override
    public Integer call() {
        try (App app = Main.database(spec).open()) {
            MissionTerms.Result result = new MissionTerms(app.database(), app.pack(), app.audit())
                    .run(new MissionTerms.Request(mission, file, replace, user == null ? System.getProperty("user.name", "unknown") : user))
                    .orElseThrow(Refused::new);
            PrintWriter out = spec.commandLine().getOut();
            if (!result.errors().isEmpty()) {
                PrintWriter err = spec.commandLine().getErr();
                err.printf("Rejected: %d error(s); nothing was loaded.%n", result.errors().size());
                result.errors().forEach(e -> err.println("  " + e.message()));
                return Main.REJECTED;
            }
            out.printf("Loaded %d term(s) for %s%s.%n", result.loaded(), mission,
                    replace ? " (replacing " + result.replaced() + ")" : "");
            return Main.OK;
        }
    }
}
