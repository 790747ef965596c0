package org.a4p.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.a4p.app.Failure;
import org.a4p.app.Outcome;
import org.a4p.db.Database;
import org.a4p.disclosure.Caller;
import org.a4p.disclosure.PublicValue;
import org.a4p.disclosure.ReadScorecard;
import org.a4p.disclosure.ReadValues;
import org.a4p.i18n.Language;
import org.a4p.i18n.Messages;
import org.a4p.indicators.Grain;
import org.a4p.indicators.QueryValues;
import org.a4p.indicators.ValueQuery;
import org.a4p.narrative.DataSentence;
import org.a4p.narrative.DraftSentences;
import org.a4p.narrative.Narrative;
import org.a4p.narrative.ReadNarrative;
import org.a4p.orgunit.OrgUnit;
import org.a4p.pack.Indicator;
import org.a4p.pack.Pack;
import org.a4p.pack.Priority;
import org.a4p.progress.BuildScorecard;
import org.a4p.progress.Status;
import org.a4p.progress.Targets;
import org.a4p.progress.Trend;
import org.a4p.release.Release;

/**
 * Gathers the report's content from the latest release as a Member State delegate sees it: every
 * value read as an anonymous caller (small cells suppressed), so nothing in it is more than the public has.
 */
final class ReportContent {
    /** Years a chart shows before the report's year, when the baseline year is not earlier. */
    private static final int CHART_YEARS = 6;
    private static final Caller PUBLIC = Caller.anonymous();

    private final Pack pack;
    private final ReadScorecard scorecards;
    private final ReadValues values;
    private final ReadNarrative narratives;
    private final DraftSentences sentences;

    ReportContent(Pack pack, Database database) {
        this.pack = pack;
        this.values = new ReadValues(pack, database);
        this.scorecards = new ReadScorecard(pack, database, values);
        this.narratives = new ReadNarrative(pack, database.jdbi());
        this.sentences = new DraftSentences(pack, database, ValueQuery.Source.PUBLISHED);
    }

    Outcome<ReportPage> gather(Release release, String orgUnit, int year, Language language, boolean pdf, List<ReportPage.Source> sources) {
        Messages words = Messages.of("report", language);
        ReadScorecard.Card card = card(orgUnit, year, BuildScorecard.View.PRIORITY);
        List<ReadScorecard.Row> headline = card.priorities().stream().flatMap(section -> section.indicators().stream()).toList();
        if (headline.stream().allMatch(row -> row.value() == null && !row.suppressed())) {
            return Outcome.failed(Failure.noData("release " + release.number() + " holds no value of a headline indicator for "
                    + orgUnit + " in " + year + ": choose another --year"));
        }
        Map<String, ReadScorecard.Row> every = new HashMap<>();
        card(orgUnit, year, BuildScorecard.View.COMMITMENT_AREA).commitmentAreas()
                .forEach(area -> area.indicators().forEach(row -> every.put(row.id(), row)));
        Map<String, Map<Integer, PublicValue>> yearly = yearly(orgUnit);
        Map<String, Narrative> written = narratives.latestOfYear(year, language);
        Map<String, DataSentence.Draft> drafts = new HashMap<>();
        sentences.run(new DraftSentences.Request(orgUnit, year)).orElseThrow(failure -> new IllegalStateException(failure.message()))
                .drafts().forEach(draft -> drafts.put(draft.indicator(), draft));

        boolean synthetic = false;
        List<ReportPage.Section> sections = new ArrayList<>();
        List<ReportPage.SummaryRow> summary = new ArrayList<>();
        for (ReadScorecard.Section section : card.priorities()) {
            Priority priority = pack.priorities().stream().filter(p -> p.id().equals(section.id())).findFirst().orElseThrow();
            Set<String> headlineIds = new TreeSet<>(section.indicators().stream().map(ReadScorecard.Row::id).toList());
            List<ReportPage.Line> lines = new ArrayList<>();
            section.indicators().forEach(row -> lines.add(line(row, words, true)));
            pack.indicators().stream().filter(i -> i.priority().equals(priority.id()) && !headlineIds.contains(i.id()) && every.containsKey(i.id()))
                    .forEach(i -> lines.add(line(every.get(i.id()), words, false)));
            synthetic |= lines.stream().anyMatch(ReportPage.Line::synthetic);
            List<ReportPage.Chart> charts = new ArrayList<>();
            List<String> drafted = new ArrayList<>();
            for (ReadScorecard.Row row : section.indicators()) {
                Indicator indicator = pack.indicator(row.id()).orElseThrow();
                chart(indicator, year, yearly.getOrDefault(row.id(), Map.of()), words).ifPresent(charts::add);
                DataSentence.Draft draft = drafts.get(row.id());
                if (draft != null) {
                    drafted.add(draft.in(language) + (draft.synthetic() ? " *" : ""));
                    synthetic |= draft.synthetic();
                }
            }
            Narrative narrative = written.get(priority.id());
            String name = language == Language.FR ? priority.nameFr() : priority.name();
            String anchor = "priority-" + priority.id().toLowerCase(java.util.Locale.ROOT);
            sections.add(new ReportPage.Section(anchor, heading(priority, name), lines, charts,
                    narrative == null ? List.of() : paragraphs(narrative.text()),
                    narrative == null ? null : words.get("narrative.by", narrative.author(), words.dateTime(narrative.writtenAt()),
                            narrative.version()), drafted));
            summary.add(counts(anchor, heading(priority, name), section.indicators()));
        }
        List<ReportPage.Annex> annexes = annexes(orgUnit, year, words);
        synthetic |= annexes.stream().anyMatch(annex -> annex.indicators().stream().anyMatch(ReportPage.Line::synthetic));
        String unitName = words.getOr("orgunit." + orgUnit, pack.orgUnits().find(orgUnit).map(OrgUnit::name).orElse(orgUnit));
        String releaseLine = words.get("release.line", release.number(), words.dateTime(release.publishedAt()));
        return Outcome.ok(new ReportPage(words, language.code(), words.get("report.title", unitName, String.valueOf(year)), unitName, year,
                releaseLine, pdf, synthetic, new ReportPage.Summary(summary, counts("summary", words.get("summary.all"), headline)),
                sections, annexes, sources));
    }

    private static String heading(Priority priority, String name) {
        return priority.crossCutting() ? name : priority.id() + " · " + name;
    }

    private ReadScorecard.Card card(String orgUnit, int year, BuildScorecard.View view) {
        return scorecards.run(PUBLIC, new BuildScorecard.Request(orgUnit, year, view))
                .orElseThrow(failure -> new IllegalStateException(failure.message()));
    }

    private ReportPage.Line line(ReadScorecard.Row row, Messages words, boolean headline) {
        Indicator indicator = pack.indicator(row.id()).orElseThrow();
        String name = words.language() == Language.FR ? indicator.nameFr() : indicator.name();
        String value = row.suppressed() ? words.get("value.suppressed") : words.number(row.value(), row.unit());
        String target = row.target() == null ? words.get("target.none") : words.number(row.target(), row.unit());
        String status = row.status() == null ? "—" : words.get("status." + row.status().code());
        String trend = row.trend() == null ? "—" : words.get("trend." + row.trend().code());
        String baseline = row.baselineYear() + ": " + words.number(row.baselineValue(), row.unit());
        return new ReportPage.Line(name, value, target, status, trend, baseline, row.synthetic() && row.value() != null, headline);
    }

    private static ReportPage.SummaryRow counts(String anchor, String name, List<ReadScorecard.Row> rows) {
        return new ReportPage.SummaryRow(anchor, name, rows.size(), (int) rows.stream().filter(r -> r.trend() == Trend.IMPROVING).count(),
                (int) rows.stream().filter(r -> r.trend() == Trend.STABLE).count(),
                (int) rows.stream().filter(r -> r.trend() == Trend.WORSENING).count(),
                (int) rows.stream().filter(r -> r.status() == Status.ON_TRACK).count());
    }

    /** The published yearly totals of the org unit, by indicator and year. */
    private Map<String, Map<Integer, PublicValue>> yearly(String orgUnit) {
        Map<String, Map<Integer, PublicValue>> out = new HashMap<>();
        for (PublicValue value : published(new QueryValues.Request(null, orgUnit, null, Grain.YEAR, true))) {
            out.computeIfAbsent(value.indicator(), id -> new TreeMap<>()).put(Integer.parseInt(value.period()), value);
        }
        return out;
    }

    private List<PublicValue> published(QueryValues.Request request) {
        return values.run(PUBLIC, request).orElseThrow(failure -> new IllegalStateException(failure.message()));
    }

    private java.util.Optional<ReportPage.Chart> chart(Indicator indicator, int year, Map<Integer, PublicValue> byYear, Messages words) {
        int first = Math.min(indicator.trendBaselineYear(pack.settings()), year - CHART_YEARS + 1);
        List<Charts.Point> points = new ArrayList<>();
        StringBuilder description = new StringBuilder();
        for (int y = first; y <= year; y++) {
            PublicValue value = byYear.get(y);
            Double amount = value == null || value.suppressed() ? null : value.value();
            points.add(new Charts.Point(y, amount, Targets.targetFor(indicator, y).orElse(null)));
            description.append(description.isEmpty() ? "" : "; ").append(y).append(": ")
                    .append(value != null && value.suppressed() ? words.get("value.suppressed") : words.number(amount, indicator.unit()));
        }
        if (points.stream().allMatch(p -> p.value() == null)) {
            return java.util.Optional.empty();
        }
        String name = words.language() == Language.FR ? indicator.nameFr() : indicator.name();
        return java.util.Optional.of(new ReportPage.Chart(name, Charts.png(points, words.language(), words.get("chart.value"),
                words.get("chart.target")), words.get("chart.description", name, description.toString())));
    }

    /**
     * The missions of the report's scope active in the year with a published headline value in it,
     * each with its scorecard. Only missions active that year are read: one indexed query each, where
     * a scan of the whole release for the year takes seconds on H2.
     */
    private List<ReportPage.Annex> annexes(String orgUnit, int year, Messages words) {
        if (pack.orgUnits().scope(orgUnit).isEmpty()) {
            return List.of();
        }
        java.time.LocalDate first = java.time.LocalDate.of(year, 1, 1);
        java.time.LocalDate last = java.time.LocalDate.of(year, 12, 31);
        List<ReportPage.Annex> out = new ArrayList<>();
        for (OrgUnit mission : pack.orgUnits().missions().stream().filter(m -> orgUnit.equals(m.scope()))
                .filter(m -> (m.start() == null || !m.start().isAfter(last)) && (m.end() == null || !m.end().isBefore(first)))
                .sorted(java.util.Comparator.comparing(OrgUnit::code)).toList()) {
            List<ReadScorecard.Row> rows = card(mission.code(), year, BuildScorecard.View.PRIORITY).priorities().stream()
                    .flatMap(section -> section.indicators().stream()).toList();
            if (rows.stream().anyMatch(row -> row.value() != null || row.suppressed())) {
                out.add(new ReportPage.Annex("mission-" + mission.code().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"),
                        mission.code(), mission.name(), rows.stream().map(row -> line(row, words, true)).toList()));
            }
        }
        return out;
    }

    private static List<String> paragraphs(String text) {
        return java.util.Arrays.stream(text.split("\\n\\s*\\n")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }
}
