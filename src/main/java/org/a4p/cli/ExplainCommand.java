package org.a4p.cli;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.a4p.access.Role;
import org.a4p.app.App;
import org.a4p.app.Json;
import org.a4p.disclosure.Caller;
import org.a4p.explain.ExplainValue;
import org.a4p.explain.Explanation;
import org.a4p.pack.Indicator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The history of one value. The command line is an operator, but reads as an analyst: analysts are
 * granted no restricted field in the bundled pack, so a restricted field's values never appear here.
 */
@Command(name = "explain", description = {
        "Why a value is what it is: each submission that changed it, from what to what, and the records whose",
        "addition, retirement or revision moved it, with the fields that changed (names only for restricted fields)."})
final class ExplainCommand implements Callable<Integer> {
    enum Format { table, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--indicator", paramLabel = "ID", required = true, description = "The indicator, e.g. P4.FATALITIES_MALICIOUS.")
    String indicator;

    @Option(names = "--mission", paramLabel = "ORGUNIT", description = "Org unit: a scope, mission or site (default: the pack's first scope, PKO).")
    String orgUnit;

    @Option(names = "--period", paramLabel = "P", required = true, description = "The period: 2020, 2020-Q3 or 2020-07.")
    String period;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        try (App app = Main.database(spec).open()) {
            Explanation explanation = new ExplainValue(app.pack(), app.database())
                    .run(Caller.of(Role.ANALYST), new ExplainValue.Request(indicator,
                            orgUnit == null ? app.pack().orgUnits().defaultScope() : orgUnit, period))
                    .orElseThrow(Refused::new);
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.json) {
                out.println(Json.pretty(explanation));
            } else {
                printTable(explanation, app.pack().indicator(explanation.indicator()).map(Indicator::unit).orElse(""), out);
            }
            out.flush();
            return Main.OK;
        }
    }

    static void printTable(Explanation explanation, String unit, PrintWriter out) {
        out.printf("%s, %s, %s: %s (%s records)%n", explanation.indicator(), explanation.orgUnit(), explanation.period(),
                ValueFormat.shown(explanation.value(), unit), explanation.records() == null ? "-" : explanation.records());
        if (explanation.changes().isEmpty()) {
            out.println("No submission changed it.");
        }
        for (Explanation.Change change : explanation.changes()) {
            String at = change.at() == null ? "?" : change.at().atOffset(ZoneOffset.UTC).toLocalDate().toString();
            String moved = shown(change.from(), unit) + " -> " + (change.suppressed() ? "suppressed" : shown(change.to(), unit));
            if (change.submission() != null) {
                out.printf("%nsubmission %d (%s, %s, %s): %s%n", change.submission(), at, change.recordType(), change.fileName(), moved);
            } else {
                out.printf("%nrelease %d (%s, %s): %s%n", change.release(), at, change.releaseChange(), moved);
            }
            for (Explanation.RecordChange record : change.records()) {
                String fields = record.fields().stream()
                        .map(f -> f.withheld() ? f.field() + " (restricted: withheld)" : f.field() + " " + text(f.from()) + " -> " + text(f.to()))
                        .collect(Collectors.joining("; "));
                out.printf("  %-8s %s%s%n", record.change(), record.key(), fields.isEmpty() ? "" : ": " + fields);
            }
        }
    }

    private static String shown(Double value, String unit) {
        return ValueFormat.shown(value, unit);
    }

    private static String text(String value) {
        return value == null ? "(none)" : "'" + value + "'";
    }
}
