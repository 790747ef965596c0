package org.a4p.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.a4p.app.App;
import org.a4p.app.Json;
import org.a4p.exchange.SpreadsheetText;
import org.a4p.ranking.Colour;
import org.a4p.ranking.CountryRow;
import org.a4p.ranking.GenderRanking;
import org.a4p.ranking.RankCountries;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "ranking", description = {
        "The contributing-country gender ranking: for one month, each troop and police contributing country's share",
        "of women per uniformed category against the year's Uniformed Gender Parity Strategy target. GREEN meets the",
        "target, YELLOW has some women but falls below it, RED has no women. Read from the personnel records."})
final class RankingCommand implements Callable<Integer> {
    enum Format { table, csv, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--month", paramLabel = "YYYY-MM", description = "Month of the report (default: the latest month with personnel records).")
    String month;

    @Option(names = "--category", paramLabel = "CODE", description = "One category: military_contingent, staff_officer, expert_on_mission,"
            + " formed_police_unit or individual_police (default: all).")
    String category;

    @Option(names = "--scope", paramLabel = "SCOPE|ALL",
            description = "Missions counted: those of one scope of the pack (PKO, peacekeeping operations, the default;"
                    + " SPM, special political missions) or ALL.")
    String scope;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws IOException {
        YearMonth requested = null;
        if (month != null) {
            try {
                requested = YearMonth.parse(month.trim());
            } catch (DateTimeParseException e) {
                throw new UsageProblem("--month '" + month + "' is not a month: expected YYYY-MM, such as 2020-12");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        try (App app = Main.database(spec).open()) {
            String scopeCode = scope == null ? app.pack().orgUnits().defaultScope() : scope.trim().toUpperCase(Locale.ROOT);
            RankCountries.Ranking ranking = new RankCountries(app.pack(), app.database())
                    .run(new RankCountries.Request(requested, scopeCode.equals("ALL") ? null : scopeCode, category))
                    .orElseThrow(Refused::new);
            switch (format) {
                case csv -> printCsv(ranking.month(), ranking.rows(), out);
                case json -> out.println(Json.pretty(ranking.rows().stream().map(row -> new RankedCountry(ranking.month(), row)).toList()));
                case table -> printTable(app, ranking.month(), scopeCode, ranking.rows(), out);
            }
            out.flush();
            if (ranking.rows().isEmpty() && format != Format.table) {
                spec.commandLine().getErr().println("Note: " + nothing(ranking.month(), scopeCode));
            }
            return Main.OK;
        }
    }

    /** A row of the JSON output: the CSV's columns, the month with each country. */
    record RankedCountry(YearMonth month, String category, int rank, String country, long women, long total, double share,
            Double target, Colour colour) {
        RankedCountry(YearMonth month, CountryRow row) {
            this(month, row.category(), row.rank(), row.country(), row.women(), row.total(), row.share(), row.target(), row.colour());
        }
    }

    private String nothing(YearMonth month, String scope) {
        return "the records of " + month + " hold no personnel" + (category == null ? "" : " of category " + category)
                + (scope.equals("ALL") ? "" : " in " + scope + " missions (records without a mission may count under another"
                + " scope: try --scope ALL)");
    }

    static void printCsv(YearMonth month, List<CountryRow> rows, PrintWriter out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
        csv.printRecord("month", "category", "rank", "country", "women", "total", "share", "target", "colour");
        for (CountryRow r : rows) {
            csv.printRecord(SpreadsheetText.csvRecord(month, r.category(), r.rank(), r.country(), r.women(), r.total(),
                    ValueFormat.exact(r.share()), ValueFormat.exact(r.target()), r.colour()));
        }
        csv.flush();
    }

    private void printTable(App app, YearMonth month, String scope, List<CountryRow> rows, PrintWriter out) {
        GenderRanking ranking = new GenderRanking(app.pack());
        out.printf("Contributing countries' share of women, %s, %s%n", month,
                app.pack().orgUnits().scope(scope).map(s -> s.name() + " (" + s.code() + ")").orElse("all missions"));
        if (rows.isEmpty()) {
            out.println("No personnel: " + nothing(month, scope) + ".");
            return;
        }
        List<String> shown = category != null ? List.of(category) : ranking.categories();
        for (String code : shown) {
            List<CountryRow> in = rows.stream().filter(r -> r.category().equals(code)).toList();
            GenderRanking.Target target = ranking.target(month.getYear(), code);
            out.println();
            out.println(heading(ranking.label(code)) + " — " + (target.percent() == null
                    ? "no target set for " + month.getYear() + " (colour shows only whether women serve)"
                    : String.format(Locale.ROOT, "target %d: %.1f%% (%s)", month.getYear(), target.percent(), target.source())));
            if (in.isEmpty()) {
                out.println("  (no personnel in this category)");
                continue;
            }
            out.printf("%5s  %-36s %7s %8s %7s  %s%n", "rank", "country", "women", "total", "share", "colour");
            for (CountryRow r : in) {
                out.printf(Locale.ROOT, "%5d  %-36s %7d %8d %6.1f%%  %s%n", r.rank(), r.country(), r.women(), r.total(), r.share(),
                        r.colour().name().toLowerCase(Locale.ROOT));
            }
            out.printf("  %d green, %d yellow, %d red%n", count(in, Colour.GREEN), count(in, Colour.YELLOW), count(in, Colour.RED));
        }
    }

    /** "Military contingent (troops)" is headed "Military contingent". */
    private static String heading(String label) {
        int paren = label.indexOf(" (");
        return paren > 0 && label.endsWith(")") ? label.substring(0, paren) : label;
    }

    private static long count(List<CountryRow> rows, Colour colour) {
        return rows.stream().filter(r -> r.colour() == colour).count();
    }
}
