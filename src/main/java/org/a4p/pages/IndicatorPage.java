package org.a4p.pages;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.a4p.app.App;
import org.a4p.disclosure.PublicValue;
import org.a4p.disclosure.ReadScorecard;
import org.a4p.disclosure.ReadValues;
import org.a4p.i18n.Messages;
import org.a4p.indicators.Grain;
import org.a4p.indicators.QueryValues;
import org.a4p.indicators.ValueQuery;
import org.a4p.pack.Indicator;
import org.a4p.pack.Pack;
import org.a4p.progress.BuildScorecard;
import org.a4p.web.HttpProblem;

/**
 * {@code /indicators/{id}}: an indicator's definition, formula and sources, its status and
 * trend, a chart by mission, a table by org unit and year whose every value leads to why it is
 * what it is, its disaggregations and its months.
 */
public final class IndicatorPage implements PageRoutes.PageTable {
    /** Years in the table by org unit and year. */
    static final int TABLE_YEARS = 6;

    public record View(String id, String name, String priority, String priorityName, String unit, String direction, String definition,
            String formula, String source, String baseline, List<String> targets, List<String> commitmentAreas, String orgUnit,
            List<Choices.Option> orgUnits, int year, List<Integer> years, Shown.Line line, Charts.Chart chart, List<String> tableYears,
            List<Row> table, List<Cell> disaggregations, List<Cell> months, boolean synthetic) {}

    /** A row of the table by org unit: its cells in {@code tableYears}' order. */
    public record Row(String orgUnit, List<Cell> cells) {}

    /** A shown value and the link to its explanation (null when there is none to explain). */
    public record Cell(String label, String value, String href, boolean provisional, boolean suppressed) {}

    private final Pack pack;
    private final PageFrame frame;
    private final ReadScorecard scorecard;
    private final ReadValues values;
    private final YearlyTotals yearlyTotals;

    IndicatorPage(App app, PageFrame frame, YearlyTotals yearlyTotals) {
        this.pack = app.pack();
        this.frame = frame;
        this.values = new ReadValues(app.pack(), app.database());
        this.yearlyTotals = yearlyTotals;
        this.scorecard = new ReadScorecard(app.pack(), app.database(), values);
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/indicators/{id}", this::show);
    }

    private void show(Context ctx) {
        Viewer viewer = PageFrame.viewer(ctx);
        Messages words = PageFrame.words(ctx);
        Indicator indicator = pack.indicator(ctx.pathParam("id"))
                .orElseThrow(() -> HttpProblem.notFound(words.get("indicator.unknown", ctx.pathParam("id"))));
        String orgUnit = Choices.orgUnit(ctx, pack);
        ReadScorecard.Card card = PageFrame.ok(scorecard.run(viewer.caller(),
                new BuildScorecard.Request(orgUnit, Choices.year(ctx), BuildScorecard.View.EVERY_INDICATOR)));
        int year = card.year();
        ReadScorecard.Row row = card.priorities().stream().flatMap(section -> section.indicators().stream())
                .filter(r -> r.id().equals(indicator.id())).findFirst().orElseThrow();
        Page page = frame.page(ctx, Shown.indicatorName(indicator, words.language()), "overview");
        List<PublicValue> yearly = yearlyTotals.of(viewer, indicator.id(), page.latestRelease());
        Map<String, Map<Integer, Double>> byOrgUnit = Charts.byOrgUnit(yearly);
        Charts.Chart chart = Charts.yearly(byOrgUnit, orgUnit, Charts.missionsOf(pack, orgUnit), year, row.target(), row.baselineValue(),
                indicator.unit(), words);
        List<String> tableYears = new ArrayList<>();
        for (int y = year - TABLE_YEARS + 1; y <= year; y++) {
            tableYears.add(Integer.toString(y));
        }
        List<Row> table = table(indicator, yearly, tableYears, words);
        List<PublicValue> thisYear = PageFrame.ok(values.run(viewer.caller(),
                new QueryValues.Request(indicator.id(), orgUnit, Integer.toString(year), Grain.YEAR, false)));
        List<Cell> disaggregations = thisYear.stream().filter(v -> !v.disaggregation().isEmpty())
                .sorted(Comparator.comparing(PublicValue::disaggregation))
                .map(v -> cell(words, indicator, v, v.disaggregation().replace("=", " = "), null)).toList();
        List<PublicValue> monthly = PageFrame.ok(values.run(viewer.caller(),
                new QueryValues.Request(indicator.id(), orgUnit, null, Grain.MONTH, true)));
        List<Cell> months = monthly.stream().filter(v -> v.period().startsWith(year + "-"))
                .sorted(Comparator.comparing(PublicValue::period))
                .map(v -> cell(words, indicator, v, v.period(), explainHref(indicator.id(), orgUnit, v.period()))).toList();
        var priority = pack.priority(indicator.priority()).orElseThrow();
        String baseline = indicator.baseline() == null ? words.get("indicator.no_sourced_baseline")
                : words.get("indicator.sourced", words.number(indicator.baseline().value(), indicator.unit()), indicator.baseline().year(),
                        indicator.baseline().source());
        List<String> targets = indicator.targets().stream()
                .map(t -> words.get("indicator.sourced", words.number(t.value(), indicator.unit()), t.year(), t.source())).toList();
        List<String> areas = pack.commitmentAreas().stream().filter(a -> indicator.commitmentAreas().contains(a.id()))
                .map(a -> CommitmentsPage.name(a, words)).toList();
        java.util.TreeSet<Integer> years = new java.util.TreeSet<>(byOrgUnit.getOrDefault(orgUnit, Map.of()).keySet());
        View view = new View(indicator.id(), Shown.indicatorName(indicator, words.language()), priority.id(),
                Shown.priorityName(priority, words.language()), words.getOr("unit." + indicator.unit(), indicator.unit()),
                words.get("direction." + indicator.direction().name().toLowerCase(java.util.Locale.ROOT)), indicator.definition(),
                indicator.formula(), indicator.source(), baseline, targets, areas, orgUnit, Choices.orgUnits(pack, words), year,
                List.copyOf(years.descendingSet()), Shown.line(pack, words, row, byOrgUnit.get(orgUnit), year), chart, tableYears, table,
                disaggregations, months, row.synthetic());
        PageFrame.send(ctx, "indicator.jte", "page", page, "view", view);
    }

    /** Every org unit with a value in the table's years: the scopes first, then the missions. */
    private List<Row> table(Indicator indicator, List<PublicValue> yearly, List<String> tableYears, Messages words) {
        Map<String, Map<String, PublicValue>> byUnit = new java.util.TreeMap<>();
        for (PublicValue value : yearly) {
            if (value.disaggregation().isEmpty() && tableYears.contains(value.period())) {
                byUnit.computeIfAbsent(value.orgUnit(), unit -> new java.util.HashMap<>()).put(value.period(), value);
            }
        }
        List<String> order = new ArrayList<>(pack.orgUnits().scopeCodes().stream().filter(byUnit::containsKey).toList());
        byUnit.keySet().stream().filter(unit -> !order.contains(unit)).forEach(order::add);
        List<Row> rows = new ArrayList<>();
        for (String unit : order) {
            List<Cell> cells = new ArrayList<>();
            for (String period : tableYears) {
                PublicValue value = byUnit.get(unit).get(period);
                cells.add(value == null ? new Cell(period, "—", null, false, false)
                        : cell(words, indicator, value, period, explainHref(indicator.id(), unit, period)));
            }
            rows.add(new Row(unit, cells));
        }
        return rows;
    }

    private static Cell cell(Messages words, Indicator indicator, PublicValue value, String label, String href) {
        String shown = value.suppressed() ? words.get("figure.suppressed_short") : words.number(value.value(), indicator.unit());
        return new Cell(label, value.provisional() ? shown + " ~" : shown, href, value.provisional(), value.suppressed());
    }

    static String explainHref(String indicator, String orgUnit, String period) {
        return "/values?indicator=" + Page.encode(indicator) + "&mission=" + Page.encode(orgUnit) + "&period=" + Page.encode(period);
    }
}
