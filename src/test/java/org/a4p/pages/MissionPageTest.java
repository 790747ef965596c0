package org.a4p.pages;

import static org.a4p.support.Fixtures.accepted;
import static org.a4p.support.Fixtures.csv;
import static org.a4p.support.Fixtures.importFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.a4p.orgunit.OrgUnit;
import org.a4p.progress.BuildScorecard;
import org.a4p.support.Fixtures;
import org.a4p.testing.Databases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The mission pages in a real Chromium, on H2: telemedicine consultations of 2023 at three MINUSCA
 * sites (6 at Bangui, 5 at Bria, 2 at Bambari), approved and published. For the public, Bambari's 2
 * are a small cell, and Bria's 5 are suppressed with it (the mission's total would give Bambari away).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MissionPageTest {
    static final String HEADER = "consult_id,consulted_on,mission,site,consult_type,mental_health,patient_category,patient_reference";
    static final String SECRET = "Planted Patient Reference";

    PageFixture fixture;
    Browser browser;

    @BeforeAll
    void start() throws Exception {
        fixture = new PageFixture(Databases.h2Url("mission-page"));
        Path folder = Files.createTempDirectory("mission-page");
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 1; i <= 6; i++) {
            lines.add("TM-" + i + ",2023-0" + i + "-10,MINUSCA,MINUSCA-BANGUI,live," + (i % 2 == 0) + ",uniformed," + SECRET);
        }
        for (int i = 1; i <= 5; i++) {
            lines.add("TM-B" + i + ",2023-0" + i + "-12,MINUSCA,MINUSCA-BRIA,live," + (i % 2 == 0) + ",uniformed," + SECRET);
        }
        lines.add("TM-7,2023-07-01,MINUSCA,MINUSCA-BAMBARI,live,false,uniformed," + SECRET);
        lines.add("TM-8,2023-08-01,MINUSCA,MINUSCA-BAMBARI,store_and_forward,true,civilian_staff," + SECRET);
        accepted(importFiles(fixture.app, "telemedicine_consult", false, csv(folder, "telemedicine.csv", lines.toArray(String[]::new))));
        Fixtures.approveAllAndPublish(fixture.app);
        fixture.addUser("mission-analyst", Role.ANALYST);
        browser = fixture.browser();
    }

    @AfterAll
    void stop() {
        browser.close();
        fixture.close();
    }

    private Browser mapDrawn() {
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector("[data-map][data-drawn]")).isEmpty());
        return browser;
    }

    private List<OrgUnit> mappedSites(String mission) {
        return fixture.app.pack().orgUnits().sitesOf(mission).stream().filter(site -> site.latitude() != null && site.longitude() != null).toList();
    }

    @Test
    void showsTheMapWithTheCountriesAndOneMarkerPerSite() {
        browser.open("/missions/MINUSCA?year=2023&lang=en");
        mapDrawn();
        assertThat(browser.all("#mission-map.leaflet-container")).hasSize(1);
        assertThat(browser.all("#mission-map path.map-country")).hasSizeGreaterThan(100);
        List<String> markers = browser.all("#mission-map .leaflet-marker-icon").stream().map(pin -> pin.getAttribute("data-site")).toList();
        assertThat(markers).containsExactlyInAnyOrderElementsOf(mappedSites("MINUSCA").stream().map(OrgUnit::code).toList());
        assertThat(browser.find("#mission-map .leaflet-marker-icon").getAttribute("tabindex")).isEqualTo("0");
        assertThat(browser.text(".leaflet-control-attribution")).contains("Natural Earth", "Geo-PKO");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.accessible();
    }

    @Test
    void listsTheSitesWithCoordinatesAndPublishedCountsForThePublic() {
        browser.open("/missions/MINUSCA?year=2023&lang=en");
        assertThat(browser.all("table.sites tbody tr")).hasSize(fixture.app.pack().orgUnits().sitesOf("MINUSCA").size());
        int column = columnOf("Telemedicine consultations");
        assertThat(cell("MINUSCA-BANGUI", column)).isEqualTo("6");
        assertThat(cell("MINUSCA-BAMBARI", column)).isEqualTo("suppressed"); // 2 records: a small cell
        assertThat(cell("MINUSCA-BRIA", column)).isEqualTo("suppressed"); // the next smallest, or 8 - 6 would tell Bambari's
        assertThat(cell("MINUSCA-BANGUI", 3)).isEqualTo("4.3938");
        assertThat(browser.driver.getPageSource()).doesNotContain(SECRET, "patient_reference");
    }

    @Test
    void staffSeeTheSubmittedCounts() {
        browser.signIn("mission-analyst", PageFixture.PASSWORD);
        try {
            browser.open("/missions/MINUSCA?year=2023&lang=en");
            int column = columnOf("Telemedicine consultations");
            assertThat(cell("MINUSCA-BAMBARI", column)).isEqualTo("2");
            assertThat(browser.driver.getPageSource()).doesNotContain(SECRET);
            assertScorecardAsRead(Caller.of(Role.ANALYST), Language.EN);
        } finally {
            browser.driver.manage().deleteAllCookies();
        }
    }

    @Test
    void theScorecardFiguresAreReadScorecardsForThePublic() {
        browser.open("/missions/MINUSCA?year=2023&lang=en");
        assertScorecardAsRead(Caller.anonymous(), Language.EN);
    }

    @Test
    void worksInFrench() {
        browser.open("/missions/MINUSCA?year=2023&lang=fr");
        mapDrawn();
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("fr");
        assertThat(browser.text("#sites-heading")).isEqualTo("Sites et leurs enregistrements, 2023");
        assertThat(browser.text(".leaflet-control-attribution")).contains("Frontières : Natural Earth");
        assertThat(cell("MINUSCA-BANGUI", 3)).isEqualTo("4,3938");
        assertThat(cell("MINUSCA-BAMBARI", columnOf("Téléconsultations"))).isEqualTo(Messages.of(Language.FR).get("status.suppressed"));
        assertScorecardAsRead(Caller.anonymous(), Language.FR);
        assertThat(browser.consoleErrors()).isEmpty();
        browser.accessible();
        browser.open("/missions/MINUSCA?lang=en");
    }

    @Test
    void listsEveryMissionWithALinkAndAnOverviewMap() {
        browser.open("/missions");
        mapDrawn();
        int missions = fixture.app.pack().orgUnits().missions().size();
        assertThat(browser.all("table.missions tbody tr")).hasSize(missions);
        assertThat(browser.all("#missions-map .leaflet-marker-icon")).hasSize((int) fixture.app.pack().orgUnits().missions().stream()
                .filter(mission -> mission.latitude() != null && mission.longitude() != null).count());
        browser.clickAndWait("table.missions a[href='/missions/MINUSCA']");
        assertThat(browser.text("h1")).startsWith("MINUSCA — ");
        browser.open("/missions/UNAVEM%20III");
        assertThat(browser.text("h1")).startsWith("UNAVEM III — ");
        browser.open("/missions");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.accessible();
    }

    @Test
    void anUnknownMissionIsAPageSayingSo() throws Exception {
        browser.open("/missions/NOPE");
        assertThat(browser.title()).startsWith("Page not found");
        assertThat(browser.text(".problem")).contains("There is no mission 'NOPE'");
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(fixture.server.url() + "/missions/NOPE")).header("Accept", "text/html").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void savesAScreenshot() {
        browser.open("/missions/MINUSCA?year=2023&lang=en");
        mapDrawn().chartsDrawn();
        browser.screenshot(Path.of("target/screenshots/mission.png"));
    }

    /** Every headline line of the page shows what ReadScorecard gives the same viewer. */
    private void assertScorecardAsRead(Caller caller, Language language) {
        var app = fixture.app;
        ReadValues values = new ReadValues(app.pack(), app.database());
        ReadScorecard read = new ReadScorecard(new BuildScorecard(app.pack(), app.database()),
                new BuildScorecard(app.pack(), app.database(), ValueQuery.Source.PUBLISHED), values);
        ReadScorecard.Card card = ((Outcome.Ok<ReadScorecard.Card>) read.run(caller,
                new BuildScorecard.Request("MINUSCA", 2023, BuildScorecard.View.PRIORITY))).value();
        Messages words = Messages.of(language);
        List<String> expected = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (ReadScorecard.Section section : card.priorities()) {
            for (ReadScorecard.Row row : section.indicators()) {
                expected.add(row.id() + " " + (row.suppressed() ? words.get("figure.suppressed") : words.number(row.value(), row.unit())));
            }
        }
        for (WebElement line : browser.all(".tiles li[data-indicator]")) {
            shown.add(line.getAttribute("data-indicator") + " " + line.findElement(By.cssSelector(".value")).getText());
        }
        assertThat(expected).isNotEmpty();
        assertThat(shown).containsExactlyElementsOf(expected);
    }

    private int columnOf(String heading) {
        List<WebElement> headings = browser.all("table.sites thead th");
        for (int i = 0; i < headings.size(); i++) {
            if (headings.get(i).getText().replace('\n', ' ').equals(heading)) {
                return i + 1;
            }
        }
        throw new AssertionError("no column '" + heading + "' among " + headings.stream().map(WebElement::getText).toList()
                + " on " + browser.driver.getCurrentUrl());
    }

    /** The text of a site's row in a 1-based column (the site's heading cell is column 1). */
    private String cell(String site, int column) {
        return browser.find("table.sites tr[data-site='" + site + "'] > :nth-child(" + column + ")").getText();
    }
}
