package org.a4p.pages;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.a4p.access.Role;
import org.a4p.app.App;
import org.a4p.disclosure.PublicValue;
import org.a4p.disclosure.ReadScorecard;
import org.a4p.disclosure.ReadValues;
import org.a4p.i18n.Language;
import org.a4p.i18n.Messages;
import org.a4p.indicators.ValueQuery;
import org.a4p.narrative.DataSentence;
import org.a4p.narrative.DraftSentences;
import org.a4p.narrative.Narrative;
import org.a4p.narrative.ReadNarrative;
import org.a4p.narrative.WriteNarrative;
import org.a4p.pack.Indicator;
import org.a4p.pack.Pack;
import org.a4p.pack.Priority;
import org.a4p.progress.BuildScorecard;
import org.a4p.web.HttpProblem;
import org.a4p.workflow.Actor;

/**
 * {@code /priorities/{id}}: a priority's every indicator with its status and trend, a chart of
 * each over ten years by mission (with its target and baseline), and the A4P commitment areas the
 * priority moves.
 */
public final class PriorityPage implements PageRoutes.PageTable {
    public record View(String id, String name, String summary, boolean crossCutting, String orgUnit, List<Choices.Option> orgUnits,
            int year, List<Integer> years, List<Area> areas, List<Item> indicators, boolean synthetic, Story story) {}

    /**
     * The priority's narrative for the year: the one in the page's language ({@code shown}, null
     * when none is written), both languages' latest for an analyst's form, the drafted data
     * sentences in both languages, and how many versions each language has.
     */
    public record Story(Narrative shown, String english, String french, List<DataSentence.Draft> drafts, int versions, boolean saved) {}

    public record Area(String id, String name) {}

    public record Item(Shown.Line line, String definition, Charts.Chart chart) {}

    private final Pack pack;
    private final PageFrame frame;
    private final ReadScorecard scorecard;
    private final ReadValues values;
    private final YearlyTotals yearlyTotals;
    private final ReadNarrative narratives;
    private final WriteNarrative writeNarrative;
    private final DraftSentences staffSentences;
    private final DraftSentences publicSentences;

    PriorityPage(App app, PageFrame frame, YearlyTotals yearlyTotals) {
        this.narratives = new ReadNarrative(app.pack(), app.database().jdbi());
        this.writeNarrative = new WriteNarrative(app.pack(), app.database().jdbi(), app.audit(), app.clock());
        this.staffSentences = new DraftSentences(app.pack(), app.database());
        this.publicSentences = new DraftSentences(app.pack(), app.database(), ValueQuery.Source.PUBLISHED);
        this.pack = app.pack();
        this.frame = frame;
        this.values = new ReadValues(app.pack(), app.database());
        this.yearlyTotals = yearlyTotals;
        this.scorecard = new ReadScorecard(app.pack(), app.database(), values);
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/priorities/{id}", this::show);
        routes.post("/priorities/{id}/narrative", this::saveNarrative);
    }

    /** An analyst's narrative in English and French: each language whose text changed becomes a new version. */
    private void saveNarrative(Context ctx) {
        Viewer viewer = PageFrame.require(ctx, Role.ANALYST, Role.ADMIN);
        Messages words = PageFrame.words(ctx);
        Priority priority = pack.priority(ctx.pathParam("id"))
                .orElseThrow(() -> HttpProblem.notFound(words.get("priority.unknown", ctx.pathParam("id"))));
        int year = Choices.formYear(ctx);
        for (Language language : Language.values()) {
            String text = ctx.formParam("text_" + language.code());
            String before = narratives.latest(priority.id(), year, language).map(Narrative::text).orElse("");
            if (text != null && !text.isBlank() && !text.replace("\r\n", "\n").strip().equals(before)) {
                PageFrame.ok(writeNarrative.run(new WriteNarrative.Request(Actor.of(viewer.user()), priority.id(), year, language, text)));
            }
        }
        ctx.redirect("/priorities/" + priority.id() + "?mission=" + Page.encode(Choices.orgUnit(ctx, pack)) + "&year=" + year + "&saved=1#narrative",
                HttpStatus.SEE_OTHER);
    }

    private Story story(Viewer viewer, Priority priority, String orgUnit, int year, Language language, boolean saved) {
        Narrative english = narratives.latest(priority.id(), year, Language.EN).orElse(null);
        Narrative french = narratives.latest(priority.id(), year, Language.FR).orElse(null);
        List<String> ids = pack.indicators().stream().filter(i -> i.priority().equals(priority.id())).map(Indicator::id).toList();
        DraftSentences.Sentences sentences = PageFrame.ok((viewer.staff() ? staffSentences : publicSentences)
                .run(new DraftSentences.Request(orgUnit, year)));
        List<DataSentence.Draft> drafts = sentences.drafts().stream().filter(d -> ids.contains(d.indicator())).toList();
        int versions = narratives.history(priority.id(), year) instanceof org.a4p.app.Outcome.Ok<List<Narrative>> ok ? ok.value().size() : 0;
        // An analyst starts from the drafted sentences, which they keep or edit.
        String draftedEnglish = String.join("\n", drafts.stream().map(d -> d.in(Language.EN)).toList());
        String draftedFrench = String.join("\n", drafts.stream().map(d -> d.in(Language.FR)).toList());
        return new Story(language == Language.EN ? english : french, english == null ? draftedEnglish : english.text(),
                french == null ? draftedFrench : french.text(), drafts, versions, saved);
    }

    private void show(Context ctx) {
        Viewer viewer = PageFrame.viewer(ctx);
        Messages words = PageFrame.words(ctx);
        Priority priority = pack.priority(ctx.pathParam("id"))
                .orElseThrow(() -> HttpProblem.notFound(words.get("priority.unknown", ctx.pathParam("id"))));
        Page page = frame.page(ctx, Shown.priorityName(priority, words.language()), "overview");
        String orgUnit = Choices.orgUnit(ctx, pack);
        ReadScorecard.Card card = PageFrame.ok(scorecard.run(viewer.caller(),
                new BuildScorecard.Request(orgUnit, Choices.year(ctx), BuildScorecard.View.EVERY_INDICATOR)));
        ReadScorecard.Section section = card.priorities().stream().filter(s -> s.id().equals(priority.id())).findFirst().orElseThrow();
        List<String> missions = Charts.missionsOf(pack, orgUnit);
        List<Item> items = new ArrayList<>();
        Set<Integer> years = new java.util.TreeSet<>();
        boolean synthetic = false;
        for (ReadScorecard.Row row : section.indicators()) {
            Indicator indicator = pack.indicator(row.id()).orElseThrow();
            List<PublicValue> yearly = yearlyTotals.of(viewer, row.id(), page.latestRelease());
            Map<String, Map<Integer, Double>> byOrgUnit = Charts.byOrgUnit(yearly);
            byOrgUnit.getOrDefault(orgUnit, Map.of()).keySet().forEach(years::add);
            Charts.Chart chart = Charts.yearly(byOrgUnit, orgUnit, missions, card.year(), row.target(), row.baselineValue(), row.unit(), words);
            items.add(new Item(Shown.line(pack, words, row, byOrgUnit.get(orgUnit), card.year()), indicator.definition(), chart));
            synthetic |= row.synthetic();
        }
        Set<String> areaIds = new LinkedHashSet<>();
        pack.indicators().stream().filter(i -> i.priority().equals(priority.id())).forEach(i -> areaIds.addAll(i.commitmentAreas()));
        List<Area> areas = pack.commitmentAreas().stream().filter(area -> areaIds.contains(area.id()))
                .map(area -> new Area(area.id(), CommitmentsPage.name(area, words))).toList();
        View view = new View(priority.id(), Shown.priorityName(priority, words.language()), priority.summary(), priority.crossCutting(),
                orgUnit, Choices.orgUnits(pack, words), card.year(), List.copyOf(((java.util.TreeSet<Integer>) years).descendingSet()), areas,
                items, synthetic, story(viewer, priority, orgUnit, card.year(), words.language(), ctx.queryParam("saved") != null));
        PageFrame.send(ctx, "priority.jte", "page", page, "view", view);
    }
}
