package org.a4p.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.io.StringWriter;
import org.a4p.app.App;
import org.a4p.app.Json;
import org.a4p.progress.BuildScorecard;
import org.a4p.demo.DemoLoader;
import org.a4p.progress.Scorecard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "scorecard", description = {
        "The A4P+ priorities with their headline indicators: value, target and status, for one org unit and year,",
        "and the trend since each indicator's baseline year (improving, stable, worsening; the rule is in the pack).",
        "With --demo, loads the demo data first (quickly, when it is already loaded)."})
final class ScorecardCommand implements Callable<Integer> {
    enum Format { table, json }

    enum View { priority, commitment }

    @Spec
    CommandSpec spec;

    @Option(names = "--mission", paramLabel = "ORGUNIT", description = "Org unit (default: the pack's first scope, PKO).")
    String orgUnit;

    @Option(names = "--year", paramLabel = "Y", description = "Year (default: the year with the most headline values).")
    Integer year;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--by", defaultValue = "priority", description = "priority (headline indicators of each A4P+ priority)"
            + " or commitment (every indicator under each A4P commitment area it moves). Default ${DEFAULT-VALUE}.")
    View view;

    @Option(names = "--demo", description = "Load the demo data into the database first.")
    boolean demo;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (App app = Main.database(spec).open()) {
            String orgUnit = this.orgUnit == null ? app.pack().orgUnits().defaultScope() : this.orgUnit;
            BuildScorecard scorecards = new BuildScorecard(app.pack(), app.database());
            BuildScorecard.Request request = new BuildScorecard.Request(orgUnit, year,
                    view == View.commitment ? BuildScorecard.View.COMMITMENT_AREA : BuildScorecard.View.PRIORITY);
            if (demo && app.pack().orgUnits().find(orgUnit).isPresent()) { // an unknown org unit fails before the wait
                new DemoLoader(app).load("demo", new ProgressBar(System.err), new PrintWriter(new StringWriter()));
            }
            Scorecard card = scorecards.run(request).orElseThrow(Refused::new);
            if (format == Format.json) {
                out.println(Json.pretty(view == View.commitment ? new Scorecard.ByCommitmentArea(card) : card));
            } else {
                printTable(card, view == View.commitment ? "A4P commitment areas" : "A4P+ scorecard", out);
            }
            return Main.OK;
        }
    }

    private static void printTable(Scorecard card, String title, PrintWriter out) {
        out.printf("%s: %s (%s), %d%n", title, card.orgUnitName(), card.orgUnit(), card.year());
        if (card.synthetic()) {
            out.println("Values marked * rest on synthetic demo records, not real data.");
        }
        if (card.priorities().stream().flatMap(p -> p.indicators().stream()).anyMatch(Scorecard.IndicatorRow::flagged)) {
            out.println("Values marked ! use records accepted despite a plausibility warning.");
        }
        for (Scorecard.PriorityRow priority : card.priorities()) {
            out.printf("%n%-5s %s%n", priority.id().length() > 5 ? "" : priority.id(), priority.name());
            if (priority.indicators().isEmpty()) {
                out.println("      (no indicator in the pack yet)");
            }
            for (Scorecard.IndicatorRow row : priority.indicators()) {
                String target = row.target() == null ? "-" : ValueFormat.shown(row.target(), row.unit());
                out.printf("      %-52s %10s%-2s%-2s target %8s   %-13s   %s%n", truncate(row.name(), 52), ValueFormat.shown(row.value(), row.unit()),
                        row.synthetic() ? " *" : "", row.flagged() ? " !" : "", target, row.status().label(), trend(row));
            }
        }
    }

    /** "worsening since 2018 (12)": the word, the baseline year and its value, so the trend can be checked by eye. */
    private static String trend(Scorecard.IndicatorRow row) {
        return switch (row.trend()) {
            case IMPROVING, STABLE, WORSENING -> row.trend().label() + " since " + row.baselineYear()
                    + " (" + ValueFormat.shown(row.baselineValue(), row.unit()) + ")";
            case NO_BASELINE -> "no baseline (" + row.baselineYear() + ")";
            case NO_DATA -> "";
        };
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
