package org.a4p.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.a4p.app.App;
import org.a4p.app.Failure;
import org.a4p.app.Outcome;
import org.a4p.disclosure.Caller;
import org.a4p.disclosure.ReadScorecard;
import org.a4p.disclosure.ReadValues;
import org.a4p.i18n.Language;
import org.a4p.i18n.Messages;
import org.a4p.indicators.ValueQuery;
import org.a4p.narrative.WriteNarrative;
import org.a4p.pack.Indicator;
import org.a4p.pack.Priority;
import org.a4p.progress.BuildScorecard;
import org.a4p.progress.Status;
import org.a4p.progress.Trend;
import org.a4p.release.Release;
import org.a4p.support.Fixtures;
import org.a4p.testing.Databases;
import org.a4p.workflow.Actor;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The report of a small real dataset, read back with PDFBox page by page: its figures are the
 * public scorecard's, its table of contents points at the pages its headings are on, its fonts are
 * embedded, it is tagged with a title and language, and the HTML variant holds the same figures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MakeReportTest {
    static final String NARRATIVE_FR = "Moins de décès « dus à des actes de malveillance » : l’œuvre commune progresse, à Bangui comme à Juba.";

    App app;
    Release release;
    Failure beforeRelease;
    final Map<Language, List<String>> pages = new EnumMap<>(Language.class);
    final Map<Language, PDDocument> documents = new EnumMap<>(Language.class);
    String html;

    @BeforeAll
    void makeReports() throws Exception {
        app = Fixtures.app(Databases.h2Url("report"));
        MakeReport make = new MakeReport(app.pack(), app.database(), app.clock());
        ReportFixture.load(app, Files.createTempDirectory("report"));
        beforeRelease = ((Outcome.Failed<MakeReport.Report>) make.run(new MakeReport.Request(2020, Language.EN, MakeReport.Format.PDF)))
                .failure();
        release = Fixtures.approveAllAndPublish(app);
        new WriteNarrative(app.pack(), app.database().jdbi(), app.audit(), app.clock())
                .run(new WriteNarrative.Request(Actor.operator("ana"), "P4", 2020, Language.FR, NARRATIVE_FR))
                .orElseThrow(f -> new IllegalStateException(f.message()));
        for (Language language : Language.values()) {
            MakeReport.Report report = ok(make.run(new MakeReport.Request(2020, language, MakeReport.Format.PDF)));
            assertThat(report.fileName()).isEqualTo("a4p-report-PKO-2020-" + language.code() + ".pdf");
            PDDocument document = Loader.loadPDF(report.content());
            documents.put(language, document);
            pages.put(language, pageTexts(document));
        }
        MakeReport.Report page = ok(make.run(new MakeReport.Request(2020, Language.EN, MakeReport.Format.HTML)));
        assertThat(page.contentType()).startsWith("text/html");
        html = new String(page.content(), StandardCharsets.UTF_8);
    }

    @AfterAll
    void close() throws IOException {
        for (PDDocument document : documents.values()) {
            document.close();
        }
        app.close();
    }

    private static <T> T ok(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Failed<T> failed) {
            throw new AssertionError(failed.failure().message());
        }
        return ((Outcome.Ok<T>) outcome).value();
    }

    private static List<String> pageTexts(PDDocument document) throws IOException {
        List<String> out = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper();
        for (int page = 1; page <= document.getNumberOfPages(); page++) {
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            out.add(spaces(stripper.getText(document)));
        }
        return out;
    }

    /** Every kind of space as one plain space, so "5,1 %" compares alike whichever space the text holds. */
    private static String spaces(String text) {
        return text.replace('\u00A0', ' ').replace('\u202F', ' ').replace("\r\n", "\n");
    }

    private ReadScorecard.Card publicCard(String orgUnit) {
        ReadValues values = new ReadValues(app.pack(), app.database());
        return ok(new ReadScorecard(new BuildScorecard(app.pack(), app.database()),
                new BuildScorecard(app.pack(), app.database(), ValueQuery.Source.PUBLISHED), values)
                .run(Caller.anonymous(), new BuildScorecard.Request(orgUnit, 2020, BuildScorecard.View.PRIORITY)));
    }

    private String heading(Priority priority, Language language) {
        String name = language == Language.FR ? priority.nameFr() : priority.name();
        return priority.crossCutting() ? name : priority.id() + " · " + name;
    }

    private String indicatorName(String id, Language language) {
        Indicator indicator = app.pack().indicator(id).orElseThrow();
        return language == Language.FR ? indicator.nameFr() : indicator.name();
    }

    /** The 1-based number of the first page holding a line that is exactly {@code heading}. */
    private int pageOfHeading(Language language, String heading) {
        List<String> texts = pages.get(language);
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).lines().anyMatch(line -> line.strip().equals(spaces(heading)))) {
                return i + 1;
            }
        }
        throw new AssertionError("no page of the " + language + " report has the heading '" + heading + "'");
    }

    private String sectionText(Language language, Priority priority) {
        int first = pageOfHeading(language, heading(priority, language));
        List<Priority> priorities = app.pack().priorities();
        int index = priorities.indexOf(priority);
        int last = index + 1 < priorities.size() ? pageOfHeading(language, heading(priorities.get(index + 1), language)) - 1
                : pageOfHeading(language, Messages.of("report", language).get("annexes.heading")) - 1;
        return String.join("\n", pages.get(language).subList(first - 1, Math.max(first, last)));
    }

    @Test
    void refusesToReportBeforeAnyReleaseIsPublished() {
        assertThat(beforeRelease.kind()).isEqualTo(Failure.Kind.CONFLICT);
        assertThat(beforeRelease.message()).startsWith("no release is published yet").contains("./a4p release");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void showsThePublicScorecardsFiguresInEachPrioritysSection(Language language) {
        Messages words = Messages.of("report", language);
        ReadScorecard.Card card = publicCard("PKO");
        for (ReadScorecard.Section section : card.priorities()) {
            Priority priority = app.pack().priorities().stream().filter(p -> p.id().equals(section.id())).findFirst().orElseThrow();
            String text = sectionText(language, priority);
            for (ReadScorecard.Row row : section.indicators()) {
                String shown = row.suppressed() ? words.get("value.suppressed") : words.number(row.value(), row.unit());
                if (row.value() != null || row.suppressed()) {
                    assertThat(text).as("%s %s in %s", language, row.id(), section.id()).contains(spaces(shown));
                }
                if (row.trend() != null) {
                    assertThat(text).contains(words.get("trend." + row.trend().code()));
                }
            }
        }
        // By hand: PKO malicious-act deaths 2020 = 6 + 5; 2017 (the indicator's baseline) = 12 + 8.
        ReadScorecard.Row malicious = card.priorities().stream().flatMap(s -> s.indicators().stream())
                .filter(r -> r.id().equals("P4.FATALITIES_MALICIOUS")).findFirst().orElseThrow();
        assertThat(malicious.value()).isEqualTo(11.0);
        assertThat(malicious.baselineValue()).isEqualTo(20.0);
        String p4 = sectionText(language, app.pack().priorities().stream().filter(p -> p.id().equals("P4")).findFirst().orElseThrow());
        assertThat(p4).contains(indicatorName("P4.FATALITIES_MALICIOUS", language).substring(0, 20), "11",
                "2017: 20", words.get("trend." + malicious.trend().code()));
        assertThat(p4).contains(language == Language.EN ? "from 20 in 2017 to 11 in 2020, lower every year" : "de 20 en 2017 à 11 en 2020, en baisse chaque année");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void summarisesTheHeadlineTrendsAndTargets(Language language) {
        List<ReadScorecard.Row> rows = publicCard("PKO").priorities().stream().flatMap(s -> s.indicators().stream()).toList();
        String all = Messages.of("report", language).get("summary.all");
        String expected = String.format("%s %d %d %d %d %d", all, rows.size(), rows.stream().filter(r -> r.trend() == Trend.IMPROVING).count(),
                rows.stream().filter(r -> r.trend() == Trend.STABLE).count(), rows.stream().filter(r -> r.trend() == Trend.WORSENING).count(),
                rows.stream().filter(r -> r.status() == Status.ON_TRACK).count());
        int summary = pageOfHeading(language, Messages.of("report", language).get("summary.heading"));
        assertThat(pages.get(language).get(summary - 1)).as("the summary fits its page").contains(expected);
        assertThat(rows.stream().filter(r -> r.trend() == Trend.IMPROVING).count()).as("the fixture's fatalities improve").isPositive();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void tableOfContentsGivesThePageOfEveryHeading(Language language) {
        List<String> texts = pages.get(language);
        String contents = Messages.of("report", language).get("contents");
        int tocPage = pageOfHeading(language, contents);
        List<String> titles = new ArrayList<>();
        titles.add(Messages.of("report", language).get("summary.heading"));
        app.pack().priorities().forEach(p -> titles.add(heading(p, language)));
        titles.add(Messages.of("report", language).get("annexes.heading"));
        titles.addAll(List.of("MINUSCA", "UNMISS"));
        titles.add(Messages.of("report", language).get("sources.heading"));
        String toc = texts.get(tocPage - 1) + "\n" + texts.get(tocPage);
        for (String title : titles) {
            Matcher entry = Pattern.compile("(?m)^" + Pattern.quote(spaces(title)) + " (\\d+)\\s*$").matcher(toc);
            assertThat(entry.find()).as("%s: a contents line for '%s' in:%n%s", language, title, toc).isTrue();
            assertThat(Integer.parseInt(entry.group(1))).as("%s: page of '%s'", language, title).isEqualTo(pageOfHeading(language, title));
        }
        assertThat(pageOfHeading(language, heading(app.pack().priorities().get(1), language)))
                .isGreaterThan(pageOfHeading(language, heading(app.pack().priorities().get(0), language)));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void numbersEveryPageInTheFooter(Language language) {
        List<String> texts = pages.get(language);
        String of = language == Language.EN ? "of" : "sur";
        for (int page = 1; page <= texts.size(); page++) {
            assertThat(texts.get(page - 1)).contains("page " + page + " " + of + " " + texts.size());
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void embedsEveryFontAndIsTaggedWithTitleAndLanguage(Language language) throws IOException {
        PDDocument document = documents.get(language);
        int fonts = 0;
        for (PDPage page : document.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertThat(font.isEmbedded()).as("%s font %s", language, font.getName()).isTrue();
                assertThat(font.getName()).contains("DejaVu");
                fonts++;
            }
        }
        assertThat(fonts).isPositive();
        var catalog = document.getDocumentCatalog();
        assertThat(catalog.getMarkInfo()).isNotNull();
        assertThat(catalog.getMarkInfo().isMarked()).isTrue();
        assertThat(catalog.getStructureTreeRoot()).isNotNull();
        assertThat(catalog.getLanguage()).isEqualTo(language.code());
        assertThat(document.getDocumentInformation().getTitle()).isNotBlank().isEqualTo(pageTitle(language));
    }

    private String pageTitle(Language language) {
        String unit = Messages.of("report", language).get("orgunit.PKO");
        return Messages.of("report", language).get("report.title", unit, "2020");
    }

    @Test
    void writesFrenchWithItsAccentsAndTheNarrative() {
        String all = String.join("\n", pages.get(Language.FR));
        assertThat(all).contains("Synthèse", "Référence", "en amélioration", indicatorName("P4.FATALITIES_MALICIOUS", Language.FR));
        assertThat(all.replaceAll("\\s+", " ")).contains(spaces(NARRATIVE_FR));
        String english = String.join("\n", pages.get(Language.EN));
        assertThat(english).doesNotContain("œuvre").contains(Messages.of("report", Language.EN).get("narrative.none"));
        // The French P1 section has none either.
        assertThat(all).contains(Messages.of("report", Language.FR).get("narrative.none"));
    }

    @Test
    void suppressesSmallCellsMarksSyntheticValuesAndNeverShowsRestrictedFields() {
        for (Language language : Language.values()) {
            String all = String.join("\n", pages.get(language));
            assertThat(all).doesNotContain(ReportFixture.SECRET_NAME);
            assertThat(all.replaceAll("\\s+", " ")).contains(spaces(Messages.of("report", language).get("synthetic.note")));
            assertThat(all).contains(spaces(Messages.of("report", language).get("release.line", release.number(),
                    Messages.of("report", language).dateTime(release.publishedAt()))));
        }
        assertThat(html).doesNotContain(ReportFixture.SECRET_NAME);
        ReadScorecard.Row women = publicCard("PKO").priorities().stream().flatMap(s -> s.indicators().stream())
                .filter(r -> r.id().equals("WPS.WOMEN_TROOPS")).findFirst().orElseThrow();
        assertThat(women.synthetic()).isTrue();
        // 6 of 100 in each of 12 rows: 6%.
        assertThat(women.value()).isEqualTo(6.0);
        assertThat(String.join("\n", pages.get(Language.FR))).contains("6 % *");
    }

    @Test
    void annexesEachMissionWithPublishedValuesThatYear() {
        for (Language language : Language.values()) {
            String all = String.join("\n", pages.get(language));
            int annexes = pageOfHeading(language, Messages.of("report", language).get("annexes.heading"));
            assertThat(pageOfHeading(language, "MINUSCA")).isGreaterThanOrEqualTo(annexes);
            assertThat(pageOfHeading(language, "UNMISS")).isGreaterThanOrEqualTo(pageOfHeading(language, "MINUSCA"));
            assertThat(all.lines().map(String::strip)).doesNotContain("MINUSTAH"); // ended in 2017
        }
        // MINUSCA 2020: 6 malicious-act deaths, in its annex table.
        ReadScorecard.Row minusca = publicCard("MINUSCA").priorities().stream().flatMap(s -> s.indicators().stream())
                .filter(r -> r.id().equals("P4.FATALITIES_MALICIOUS")).findFirst().orElseThrow();
        assertThat(minusca.value()).isEqualTo(6.0);
        int page = pageOfHeading(Language.EN, "MINUSCA");
        assertThat(pages.get(Language.EN).get(page - 1) + pages.get(Language.EN).get(Math.min(page, pages.get(Language.EN).size() - 1)))
                .contains("2017: 12");
    }

    @Test
    void listsTheDataSourcesOfTheRelease() {
        String sources = String.join("\n", pages.get(Language.EN).subList(pageOfHeading(Language.EN, "Data sources") - 1, pages.get(Language.EN).size()));
        assertThat(sources).contains("fatalities.csv", "synthetic-personnel.csv", "submitted");
    }

    @Test
    void htmlVariantHoldsTheSameFigures() {
        Messages words = Messages.of("report", Language.EN);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\"", "<title>" + pageTitle(Language.EN).replace("'", "&#39;"));
        for (ReadScorecard.Section section : publicCard("PKO").priorities()) {
            for (ReadScorecard.Row row : section.indicators()) {
                if (row.value() != null) {
                    assertThat(html).as(row.id()).contains("<td class=\"number\">" + words.number(row.value(), row.unit()));
                }
            }
        }
        assertThat(html).contains("data:image/png;base64,").doesNotContain("class=\"page-ref\"");
    }
}
