package org.a4p.pages;

import static org.a4p.support.Fixtures.accepted;
import static org.a4p.support.Fixtures.csv;
import static org.a4p.support.Fixtures.importFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.a4p.app.Outcome;
import org.a4p.i18n.Language;
import org.a4p.i18n.Messages;
import org.a4p.ranking.CountryRow;
import org.a4p.ranking.RankCountries;
import org.a4p.support.Fixtures;
import org.a4p.testing.Databases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The gender parity page in a real Chromium, on H2: personnel of December 2021 for three countries
 * (one above the 8% military target, one below it, one with no women), approved and published.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GenderPageTest {
    static final String HEADER = "report_date,mission,contributing_country,category,women,men";

    PageFixture fixture;
    Browser browser;

    @BeforeAll
    void start() throws Exception {
        fixture = new PageFixture(Databases.h2Url("gender-page"));
        Path folder = Files.createTempDirectory("gender-page");
        accepted(importFiles(fixture.app, "personnel", false, csv(folder, "personnel.csv", HEADER,
                "2021-12-31,MINUSCA,Rwanda,military_contingent,120,880",
                "2021-12-31,MINUSCA,Nepal,military_contingent,30,970",
                "2021-12-31,UNMISS,Nepal,military_contingent,10,490",
                "2021-12-31,UNMISS,Ruritania,military_contingent,0,200",
                "2021-12-31,UNMISS,Rwanda,staff_officer,5,15")));
        Fixtures.approveAllAndPublish(fixture.app);
        browser = fixture.browser();
    }

    @AfterAll
    void stop() {
        browser.close();
        fixture.close();
    }

    @Test
    void everyColourComesWithItsLabelAndTheFiguresAreRankCountries() {
        browser.open("/gender?month=2021-12&lang=en");
        assertThat(rows("military_contingent")).containsExactlyElementsOf(expected("military_contingent", Language.EN));
        assertThat(rows("military_contingent")).containsExactly("1 Rwanda 120 1,000 12% green", "2 Nepal 40 1,500 2.7% yellow",
                "3 Ruritania 0 200 0% red"); // 120/1000 meets 8%; 40/1500 below; none
        assertThat(browser.all("[class*='rank-']")).allSatisfy(badge -> assertThat(badge.getText()).isNotBlank());
        assertThat(browser.text("[data-category='military_contingent'] .target")).isEqualTo("Target for 2021: 8% (Uniformed Gender Parity Strategy 2018-2028)");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.accessible();
    }

    @Test
    void filtersByCategoryAndScope() {
        browser.open("/gender?month=2021-12&category=staff_officer&scope=ALL&lang=en");
        assertThat(browser.all("section.ranking")).hasSize(1);
        assertThat(rows("staff_officer")).containsExactly("1 Rwanda 5 20 25% green");
        assertThat(browser.find("#f-scope option[selected]").getAttribute("value")).isEqualTo("ALL");
    }

    @Test
    void worksInFrench() {
        browser.open("/gender?month=2021-12&lang=fr");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("fr");
        assertThat(rows("military_contingent")).containsExactlyElementsOf(expected("military_contingent", Language.FR));
        assertThat(rows("military_contingent").get(1)).isEqualTo("2 Nepal 40 1\u202F500 2,7 % jaune");
        assertThat(browser.text("h1")).isEqualTo("Parité des genres des pays contributeurs");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.accessible();
        browser.open("/gender?lang=en");
    }

    @Test
    void aMonthWithoutRecordsSaysSo() {
        browser.open("/gender?month=2019-05&lang=en");
        assertThat(browser.text(".problem")).isEqualTo("There are no personnel records for 2019-05: choose another month.");
    }

    @Test
    void savesAScreenshot() {
        browser.open("/gender?month=2021-12&lang=en");
        browser.screenshot(Path.of("target/screenshots/gender.png"));
    }

    private List<String> expected(String category, Language language) {
        Messages words = Messages.of(language);
        RankCountries.Ranking ranking = ((Outcome.Ok<RankCountries.Ranking>) new RankCountries(fixture.app.pack(), fixture.app.database(), true)
                .run(new RankCountries.Request(YearMonth.of(2021, 12), "PKO", category))).value();
        List<String> out = new ArrayList<>();
        for (CountryRow row : ranking.rows()) {
            out.add(row.rank() + " " + row.country() + " " + words.count(row.women()) + " " + words.count(row.total()) + " "
                    + words.number(row.share(), "percent") + " " + GenderPage.colourLabel(words, row.colour()));
            // WebDriver's text gives a no-break space as a space (a narrow one stays as it is).
            out.set(out.size() - 1, out.get(out.size() - 1).replace('\u00A0', ' '));
        }
        return out;
    }

    /** Each row of a category's table as its cells' text, space-separated. */
    private List<String> rows(String category) {
        List<String> out = new ArrayList<>();
        for (WebElement row : browser.all("[data-category='" + category + "'] tbody tr")) {
            out.add(String.join(" ", row.findElements(By.cssSelector("td, th")).stream().map(WebElement::getText).toList()));
        }
        return out;
    }
}
