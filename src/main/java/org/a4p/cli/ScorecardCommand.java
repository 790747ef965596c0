package org.a4p.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import org.a4p.app.App;
import org.a4p.demo.DemoLoader;
import org.a4p.indicators.IndicatorValue;
import org.a4p.indicators.ValueQuery;
import org.a4p.progress.Scorecard;
import org.a4p.progress.ScorecardBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "scorecard", description = {
        "The A4P+ priorities with their headline indicators: value, target and status, for one org unit and year.",
        "With --demo, loads the demo data first (quickly, when it is already loaded)."})
final class ScorecardCommand implements Callable<Integer> {
    enum Format { table, json }

    enum View { priority, commitment }

    @Spec
    CommandSpec spec;

    @Option(names = "--mission", paramLabel = "ORGUNIT", defaultValue = "PKO", description = "Org unit (default ${DEFAULT-VALUE}).")
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
    public Integer call() throws SQLException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (App app = Main.database(spec).open()) {
            if (app.pack().orgUnits().find(orgUnit).isEmpty()) {
                throw new UsageProblem("unknown org unit '" + orgUnit + "': expected PKO, SPM, a mission acronym such as MINUSCA, or a site code");
            }
            if (demo) {
                java.io.StringWriter log = new java.io.StringWriter();
                new DemoLoader(app).load("demo", new ProgressBar(System.err), new PrintWriter(log));
            }
            List<IndicatorValue> yearly;
            try (Connection connection = app.database().dataSource().getConnection()) {
                yearly = new ValueQuery().find(connection, new ValueQuery.Filter(null, orgUnit, null, 'Y', true));
            }
            ScorecardBuilder builder = new ScorecardBuilder(app.pack());
            int shownYear = year != null ? year : builder.defaultYear(yearly);
            Scorecard card = view == View.commitment ? builder.byCommitmentArea(orgUnit, shownYear, yearly)
                    : builder.build(orgUnit, shownYear, yearly);
            String groups = view == View.commitment ? "commitment_areas" : "priorities";
            if (format == Format.json) {
                printJson(card, groups, out);
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
                out.printf("      %-52s %10s%-2s%-2s target %8s   %s%n", truncate(row.name(), 52), ValueFormat.shown(row.value(), row.unit()),
                        row.synthetic() ? " *" : "", row.flagged() ? " !" : "", target, row.status().label());
            }
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    private static void printJson(Scorecard card, String groups, PrintWriter out) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("org_unit", card.orgUnit());
        root.put("org_unit_name", card.orgUnitName());
        root.put("year", card.year());
        root.put("synthetic", card.synthetic());
        ArrayNode priorities = root.putArray(groups);
        for (Scorecard.PriorityRow priority : card.priorities()) {
            ObjectNode p = priorities.addObject();
            p.put("id", priority.id());
            p.put("name", priority.name());
            ArrayNode indicators = p.putArray("indicators");
            for (Scorecard.IndicatorRow row : priority.indicators()) {
                ObjectNode i = indicators.addObject();
                i.put("id", row.id());
                i.put("name", row.name());
                putNumber(i, "value", row.value());
                i.put("unit", row.unit());
                putNumber(i, "target", row.target());
                i.put("status", row.status().code());
                i.put("records", row.records());
                i.put("synthetic", row.synthetic());
                i.put("flagged", row.flagged());
            }
        }
        out.println(json.writeValueAsString(root));
    }

    private static void putNumber(ObjectNode node, String key, Double value) {
        if (value == null) {
            node.putNull(key);
        } else {
            node.put(key, new java.math.BigDecimal(ValueFormat.exact(value)));
        }
    }

}
