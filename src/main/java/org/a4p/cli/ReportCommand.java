package org.a4p.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.a4p.app.App;
import org.a4p.i18n.Language;
import org.a4p.report.MakeReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report", description = {"Writes the Member State progress report of a year, in English or French, as PDF (or HTML when",
        "--out ends in .html), from the latest published release as the public sees it: a summary, a section per priority",
        "with its indicators, charts, narrative and data sentences, an annex per mission, the data sources."})
final class ReportCommand implements Callable<Integer> {
    enum Lang { en, fr }

    @Spec
    CommandSpec spec;

    @Option(names = "--year", required = true, paramLabel = "Y")
    int year;

    @Option(names = "--lang", defaultValue = "en", description = "en or fr (default ${DEFAULT-VALUE}).")
    Lang lang;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "report.pdf, or report.html for HTML.")
    Path out;

    @Option(names = "--mission", paramLabel = "ORGUNIT", description = "Org unit (default: the pack's first scope, PKO).")
    String orgUnit;

    @Override
    public Integer call() {
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        MakeReport.Format format;
        if (name.endsWith(".pdf")) {
            format = MakeReport.Format.PDF;
        } else if (name.endsWith(".html") || name.endsWith(".htm")) {
            format = MakeReport.Format.HTML;
        } else {
            throw new UsageProblem("--out must end in .pdf or .html, got '" + out + "'");
        }
        try (App app = Main.database(spec).open()) {
            long started = System.nanoTime();
            MakeReport.Report report = new MakeReport(app.pack(), app.database(), app.clock())
                    .run(new MakeReport.Request(year, Language.valueOf(lang.name().toUpperCase(Locale.ROOT)), format, orgUnit))
                    .orElseThrow(Refused::new);
            try {
                Files.write(out, report.content());
            } catch (IOException e) {
                throw new UsageProblem("cannot write " + out + ": " + e.getMessage());
            }
            spec.commandLine().getOut().printf("Report %d (%s) written to %s from release %d: %,d bytes in %.1f s.%n", year, lang, out,
                    report.release(), report.content().length, (System.nanoTime() - started) / 1e9);
            return Main.OK;
        }
    }
}
