package org.a4p.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.a4p.app.App;
import org.a4p.app.Json;
import org.a4p.indicators.Grain;
import org.a4p.indicators.QueryValues;
import org.a4p.exchange.SpreadsheetText;
import org.a4p.indicators.IndicatorValue;
import org.a4p.pack.Indicator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "indicators", description = {
        "Prints computed indicator values for an org unit: PKO (all peacekeeping operations, the default), SPM (all",
        "special political missions), a mission acronym, or a site code. Values are read from the stored results;",
        "the records are not rescanned."})
final class IndicatorsCommand implements Callable<Integer> {
    enum By {
        month(Grain.MONTH), quarter(Grain.QUARTER), year(Grain.YEAR);

        final Grain grain;

        By(Grain grain) {
            this.grain = grain;
        }
    }

    enum Format { table, csv, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--indicator", paramLabel = "ID", description = "One indicator, e.g. P4.FATALITIES_MALICIOUS.")
    String indicator;

    @Option(names = "--mission", paramLabel = "ORGUNIT", description = "Org unit (default: the pack's first scope, PKO).")
    String orgUnit;

    @Option(names = "--period", paramLabel = "P", description = "One period: 2020, 2020-Q3 or 2020-07 (sets the grain).")
    String period;

    @Option(names = "--by", defaultValue = "year", description = "Grain: month, quarter or year (default ${DEFAULT-VALUE}).")
    By by;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--totals", description = "Leave out disaggregated values.")
    boolean totalsOnly;

    @Override
    public Integer call() throws IOException {
        try (App app = Main.database(spec).open()) {
            List<IndicatorValue> values = new QueryValues(app.pack(), app.database())
                    .run(new QueryValues.Request(indicator, orgUnit == null ? app.pack().orgUnits().defaultScope() : orgUnit, period,
                            by.grain, totalsOnly))
                    .orElseThrow(Refused::new);
            PrintWriter out = spec.commandLine().getOut();
            switch (format) {
                case csv -> printCsv(values, out);
                case json -> out.println(Json.pretty(values));
                case table -> printTable(app, values, out);
            }
            out.flush();
            if (format != Format.table && values.stream().anyMatch(IndicatorValue::synthetic)) {
                spec.commandLine().getErr().println("Note: some values rest on synthetic demo records (\"synthetic\": true in JSON).");
            }
            if (format != Format.table && values.stream().anyMatch(IndicatorValue::flagged)) {
                spec.commandLine().getErr().println("Note: some values use records accepted despite a plausibility warning"
                        + " (\"flagged\": true in JSON).");
            }
            if (format != Format.table && values.stream().anyMatch(IndicatorValue::provisional)) {
                spec.commandLine().getErr().println("Note: some values use records of submissions not yet approved"
                        + " (\"provisional\": true in JSON).");
            }
            return Main.OK;
        }
    }

    static void printCsv(List<IndicatorValue> values, PrintWriter out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
        csv.printRecord("indicator", "org_unit", "period", "disaggregation", "value", "records");
        for (IndicatorValue v : values) {
            csv.printRecord(SpreadsheetText.csvRecord(v.indicator(), v.orgUnit(), v.period(), v.disaggregation(),
                    ValueFormat.exact(v.value()), v.records()));
        }
        csv.flush();
    }

    private static void printTable(App app, List<IndicatorValue> values, PrintWriter out) {
        if (values.isEmpty()) {
            out.println("No values. Load data with ./a4p demo or ./a4p import, or widen the filters.");
            return;
        }
        out.printf("%-28s %-10s %-8s %-36s %12s %9s%n", "indicator", "org unit", "period", "disaggregation", "value", "records");
        boolean synthetic = false;
        boolean flagged = false;
        boolean provisional = false;
        for (IndicatorValue v : values) {
            String unit = app.pack().indicator(v.indicator()).map(Indicator::unit).orElse("");
            out.printf("%-28s %-10s %-8s %-36s %12s %9d%s%s%s%n", v.indicator(), v.orgUnit(), v.period(), v.disaggregation(),
                    ValueFormat.shown(v.value(), unit), v.records(), v.synthetic() ? " *" : "", v.flagged() ? " !" : "",
                    v.provisional() ? " ~" : "");
            synthetic |= v.synthetic();
            flagged |= v.flagged();
            provisional |= v.provisional();
        }
        if (synthetic) {
            out.println("* rests on synthetic demo records.");
        }
        if (flagged) {
            out.println("! uses values accepted despite a plausibility warning (import --accept-implausible).");
        }
        if (provisional) {
            out.println("~ provisional: uses records of a submission not yet approved (./a4p submissions approve ID).");
        }
    }
}
