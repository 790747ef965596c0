package org.a4p.pages;

import static org.a4p.support.Fixtures.accepted;
import static org.a4p.support.Fixtures.csv;
import static org.a4p.support.Fixtures.importFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.a4p.access.Role;
import org.a4p.app.Outcome;
import org.a4p.disclosure.Caller;
import org.a4p.disclosure.ReadScorecard;
import org.a4p.disclosure.ReadValues;
import org.a4p.i18n.Language;
import org.a4p.i18n.Messages;
import org.a4p.indicators.ValueQuery;
import org.a4p.progress.BuildScorecard;
import org.a4p.support.Fixtures;
import org.a4p.testing.Databases;
import org.a4p.workflow.Actor;
import org.a4p.workflow.ChangeSubmissionStatus;
import org.a4p.workflow.Step;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

/**
 * The reading pages in a real Chromium: the overview's figures are the public scorecard's, French
 * is one click away and stays, a value leads to why it changed (releases for the public,
 * submissions and records for staff, restricted fields by name only), and axe-core finds no
 * serious problem on any of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicPagesBrowserTest {
    static final String INDICATOR = "P4.FATALITIES_MALICIOUS";
    static final String HEADER = "casualty_id,incident_date,mission,personnel_type,incident_type,gender,nationality,name";
    static final String SECRET = "Planted Secret Name";
    static final String RENAMED = "Planted Second Name";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    PageFixture fixture;
    Browser browser;

    @BeforeAll
    void load() throws Exception {
        fixture = new PageFixture(Databases.h2Url("public-pages"));
        fixture.addUser("ana", Role.ANALYST);
        Path folder = Files.createTempDirectory("pages");
        List<String> rows = fatalities(SECRET);
        long first = accepted(importFiles(fixture.app, "fatality", false, csv(folder, "fatalities.csv", rows.toArray(String[]::new))))
                .submissions().get(0).id();
        Fixtures.approveAllAndPublish(fixture.app);
        fixture.app.workflow().run(new ChangeSubmissionStatus.Request(first, Step.REOPEN, Actor.operator("analyst"), "next UN snapshot"))
                .orElseThrow(f -> new IllegalStateException(f.message()));
        List<String> next = fatalities(RENAMED);
        next.set(1, "F1,2020-03-10,MINUSCA,military,accident,M,BGD," + RENAMED); // the next snapshot recodes F1
        accepted(importFiles(fixture.app, "fatality", true, csv(folder, "fatalities-next.csv", next.toArray(String[]::new))));
        Fixtures.approveAllAndPublish(fixture.app);
        browser = fixture.browser();
    }

    /** Enough deaths a year in each mission that the yearly figures are not small cells. */
    private static List<String> fatalities(String firstName) {
        List<String> rows = new ArrayList<>(List.of(HEADER, "F1,2020-03-10,MINUSCA,military,malicious_act,M,BGD," + firstName));
        for (int i = 2; i <= 12; i++) {
            rows.add("F" + i + ",2020-03-1" + (i % 9) + ",MINUSCA,military,malicious_act,M,NPL,Name " + i);
        }
        for (int i = 13; i <= 22; i++) {
            rows.add("F" + i + ",2019-05-1" + (i % 9) + ",MINUSCA,police,malicious_act,F,RWA,Name " + i);
        }
        for (int i = 23; i <= 32; i++) {
            rows.add("F" + i + ",2020-06-0" + (1 + i % 9) + ",UNMISS,military,malicious_act,M,IND,Name " + i);
        }
        return rows;
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
        fixture.close();
    }

    @Test
    void theOverviewShowsThePublishedScorecard() {
        ReadValues values = new ReadValues(fixture.app.pack(), fixture.app.database());
        ReadScorecard scorecard = new ReadScorecard(new BuildScorecard(fixture.app.pack(), fixture.app.database()),
                new BuildScorecard(fixture.app.pack(), fixture.app.database(), ValueQuery.Source.PUBLISHED), values);
        ReadScorecard.Card card = ((Outcome.Ok<ReadScorecard.Card>) scorecard.run(Caller.anonymous(),
                new BuildScorecard.Request("PKO", 2020, BuildScorecard.View.PRIORITY))).value();
        ReadScorecard.Row row = card.priorities().stream().flatMap(s -> s.indicators().stream()).filter(r -> r.id().equals(INDICATOR))
                .findFirst().orElseThrow();
        assertThat(row.value()).isEqualTo(21.0); // 11 in MINUSCA after the recoding, 10 in UNMISS

        browser.open("/?mission=PKO&year=2020&lang=en");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
        var tile = browser.find("#tile-P4").findElement(By.xpath(".."));
        String headline = tile.findElements(By.cssSelector(".headlines li")).stream()
                .filter(li -> li.findElement(By.cssSelector("a.name")).getAttribute("href").contains(INDICATOR)).findFirst().orElseThrow()
                .findElement(By.cssSelector(".value")).getText();
        assertThat(headline).isEqualTo(Messages.of(Language.EN).number(row.value(), row.unit()));
        assertThat(browser.text("footer")).contains("release 2");
        browser.chartsDrawn().accessible();
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot(SCREENSHOTS.resolve("overview.png"));
    }

    @Test
    void frenchIsOneClickAwayAndStays() {
        browser.open("/?lang=en");
        browser.clickAndWait("a[hreflang=fr]");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("fr");
        assertThat(browser.text("h1")).isEqualTo("Progrès de l'A4P+");
        browser.open("/indicators/" + INDICATOR + "?mission=PKO&year=2020"); // no ?lang=: the cookie keeps French
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("fr");
        assertThat(browser.text("h1")).isEqualTo(fixture.app.pack().indicator(INDICATOR).orElseThrow().nameFr());
        assertThat(browser.text("main")).contains("Définition").contains("Par unité et par année");
        browser.chartsDrawn().accessible();
        browser.open("/?lang=en");
    }

    @Test
    void thePublicSeesWhichReleasesChangedAValue() {
        browser.open("/indicators/" + INDICATOR + "?mission=PKO&year=2020&lang=en");
        browser.accessible();
        browser.clickAndWait("a[href*='/values?indicator=" + INDICATOR + "&mission=MINUSCA&period=2020']");
        assertThat(browser.text("h1")).isEqualTo("Why is this value what it is?");
        String page = browser.text("main");
        assertThat(page).contains("Release 1").contains("Release 2").contains("From — to 12").contains("From 12 to 11");
        assertThat(browser.driver.getPageSource()).doesNotContain(SECRET).doesNotContain(RENAMED).doesNotContain("F1");
        browser.accessible();
    }

    @Test
    void staffSeeTheRecordsWhoseRevisionMovedIt() {
        try (Browser staff = fixture.browser()) {
            staff.signIn("ana", PageFixture.PASSWORD);
            staff.open("/values?indicator=" + INDICATOR + "&mission=MINUSCA&period=2020&lang=en");
            String page = staff.text("main");
            assertThat(page).contains("Submission 1").contains("Submission 2").contains("From 12 to 11");
            List<String> f1 = staff.all("table tbody tr").stream().map(tr -> tr.getText()).filter(text -> text.startsWith("casualty_id=F1 ")).toList();
            assertThat(f1).hasSize(2); // added by submission 1, revised by submission 2
            assertThat(f1.get(0)).contains("added");
            assertThat(f1.get(1)).contains("revised").contains("incident_type: malicious_act → accident")
                    .contains("name (restricted: its values are not shown)");
            assertThat(staff.driver.getPageSource()).doesNotContain(SECRET).doesNotContain(RENAMED);
            staff.accessible();
            staff.screenshot(SCREENSHOTS.resolve("why.png"));
        }
    }

    @Test
    void thePriorityAndCommitmentPagesReadWell() {
        browser.open("/priorities/P4?mission=PKO&year=2020&lang=en");
        assertThat(browser.text("h1")).isEqualTo(fixture.app.pack().priority("P4").orElseThrow().name());
        assertThat(browser.all(".chart")).isNotEmpty();
        browser.chartsDrawn().accessible();
        browser.open("/commitments?lang=en");
        assertThat(browser.all("section.tile")).hasSize(fixture.app.pack().commitmentAreas().size());
        browser.accessible();
    }

    @Test
    void theReportComesFromThePageWithThePublishedFigures() throws Exception {
        browser.open("/report?lang=en");
        browser.accessible();
        new org.openqa.selenium.support.ui.Select(browser.find("#r-year")).selectByValue("2020");
        browser.find("input[name=format][value=html]").click();
        browser.clickAndWait("form[action='/report/download'] button[type=submit]");
        String name = fixture.app.pack().indicator(INDICATOR).orElseThrow().name();
        assertThat(browser.text("body")).contains(name).contains("21");

        java.net.http.HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(fixture.server.url() + "/report/download?year=2020&report_lang=fr&format=pdf")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains(fixture.app.pack().indicator(INDICATOR).orElseThrow().nameFr()).contains("21");
        }
    }

    @Test
    void anAnalystWritesTheNarrativeInBothLanguages() {
        try (Browser staff = fixture.browser()) {
            staff.signIn("ana", PageFixture.PASSWORD);
            staff.open("/priorities/P4?mission=PKO&year=2020&lang=en");
            String drafted = staff.find("#text_en").getAttribute("value");
            assertThat(drafted).contains(fixture.app.pack().indicator(INDICATOR).orElseThrow().name() + ":"); // the drafted data sentence
            staff.find("#text_fr").clear();
            staff.find("#text_fr").sendKeys("Les décès dus à des actes malveillants ont baissé en 2020.");
            staff.clickAndWait("form[action^='/priorities/P4/narrative'] button[type=submit]");
            assertThat(staff.text("#narrative .ok")).contains("saved");
            staff.accessible();
            staff.open("/priorities/P4?mission=PKO&year=2020&lang=fr");
            assertThat(staff.text("#narrative .narrative")).isEqualTo("Les décès dus à des actes malveillants ont baissé en 2020.");
        }
        var reader = new org.a4p.narrative.ReadNarrative(fixture.app.pack(), fixture.app.database().jdbi());
        assertThat(reader.latest("P4", 2020, Language.FR).orElseThrow().author()).isEqualTo("ana");
        assertThat(reader.latest("P4", 2020, Language.EN).orElseThrow().text()).contains("2020"); // the kept draft, saved as written
        browser.open("/priorities/P4?mission=PKO&year=2020&lang=fr"); // the public reads it too
        assertThat(browser.text("#narrative .narrative")).isEqualTo("Les décès dus à des actes malveillants ont baissé en 2020.");
        assertThat(browser.all("#text_fr")).isEmpty(); // but has no form
        browser.open("/?lang=en");
    }

    @Test
    void aUsersLanguageFollowsThemToAnotherBrowser() {
        try (Browser first = fixture.browser()) {
            first.signIn("ana", PageFixture.PASSWORD).open("/?lang=fr");
            assertThat(first.find("html").getAttribute("lang")).isEqualTo("fr");
        }
        try (Browser second = fixture.browser()) { // no cookie of the first: only the account remembers
            second.open("/");
            assertThat(second.find("html").getAttribute("lang")).as("before signing in, the browser's own language").isEqualTo("en");
            second.signIn("ana", PageFixture.PASSWORD).open("/");
            assertThat(second.find("html").getAttribute("lang")).isEqualTo("fr");
            assertThat(second.text("h1")).isEqualTo("Progrès de l'A4P+");
            second.open("/?lang=en"); // and back, for the other tests
            long ana = fixture.app.accounts().listUsers().run(new org.a4p.access.ListUsers.Request()).users().stream()
                    .filter(entry -> entry.user().name().equals("ana")).findFirst().orElseThrow().user().id();
            assertThat(fixture.app.accounts().languages().of(ana)).hasValue(Language.EN);
        }
    }

    @Test
    void theSignInAndSourcesPagesReadWell() {
        browser.open("/login?lang=fr");
        assertThat(browser.text("h1")).isEqualTo("Connexion");
        browser.accessible();
        browser.open("/sources?lang=en");
        assertThat(browser.text("table")).contains("fatalities-next.csv"); // the file release 2 rests on
        browser.accessible();
    }

    @Test
    void anUnknownPageIsAPageThatSaysSo() {
        browser.open("/indicators/P9.NOTHING?lang=en");
        assertThat(browser.text("h1")).isEqualTo("Page not found");
        assertThat(browser.text(".problem")).contains("P9.NOTHING");
        browser.accessible();
    }
}
