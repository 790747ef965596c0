package org.a4p.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.a4p.support.TwoReleases;
import org.a4p.testing.Databases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The open-data pages in a real Chromium, in English and French, for a reader signed in as
 * nobody: the releases newest first with their downloads, one release's changes by kind, and
 * axe-core finding no serious problem.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenDataBrowserTest {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    PageFixture fixture;
    Browser browser;
    TwoReleases releases;

    @BeforeAll
    void load() throws Exception {
        fixture = new PageFixture(Databases.h2Url("open-data-pages"));
        releases = TwoReleases.publish(fixture.app, Files.createTempDirectory("open-data-pages"));
        browser = fixture.browser();
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
        fixture.close();
    }

    @Test
    void theReleasesAreListedNewestFirstWithTheirDownloads() {
        browser.open("/?lang=en").clickAndWait("nav a[href='/open-data']");
        assertThat(browser.text("h1")).isEqualTo("Open data");
        assertThat(browser.find("nav a[href='/open-data']").getAttribute("aria-current")).isEqualTo("page");
        assertThat(browser.all("table tbody tr td:first-child a")).extracting(a -> a.getText()).startsWith("2", "1");
        assertThat(browser.find("a[href='/open-data/releases/1/values.csv']").getAttribute("aria-label")).isEqualTo("values.csv of release 1");
        assertThat(browser.text("main")).contains(releases.second.contentSha256()).contains("suppressed");
        browser.accessible();
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot(SCREENSHOTS.resolve("open-data.png"));
    }

    @Test
    void aReleaseShowsWhatItRevised() {
        browser.open("/open-data?lang=en").clickAndWait("a[href='/open-data/releases/2']");
        assertThat(browser.text("h1")).isEqualTo("Release 2: what it changed");
        browser.clickAndWait("a[href='/open-data/releases/2?change=revised']");
        assertThat(browser.find("a[href='/open-data/releases/2?change=revised']").getAttribute("aria-current")).isEqualTo("page");
        var rows = browser.all("table tbody tr").stream().map(row -> row.getText()).toList();
        assertThat(rows).isNotEmpty().allMatch(row -> row.startsWith("revised "))
                .contains("revised " + TwoReleases.INDICATOR + " MONUSCO 2020 6 6"); // 7 deaths in release 1, one recoded
        browser.accessible();
        browser.screenshot(SCREENSHOTS.resolve("open-data-release.png"));
    }

    @Test
    void theOpenDataPagesReadInFrench() {
        browser.open("/open-data?lang=fr");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("fr");
        assertThat(browser.text("h1")).isEqualTo("Données ouvertes");
        assertThat(browser.text("main")).contains("Colonnes de values.csv et values.json").contains("masquée");
        browser.accessible();
        browser.screenshot(SCREENSHOTS.resolve("open-data-fr.png"));
        browser.open("/open-data/releases/1");
        assertThat(browser.text("h1")).isEqualTo("Publication 1 : ce qu'elle a changé");
        browser.accessible();
        browser.open("/open-data?lang=en");
    }
}
