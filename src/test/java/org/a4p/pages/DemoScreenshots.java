package org.a4p.pages;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Screenshots of the data and admin pages on a running server with the demo loaded, for the
 * README: {@code mvn test -Dtest=DemoScreenshots -Da4p.screenshots.url=http://127.0.0.1:7073}
 * with users {@code ana} (mission officer, MINUSCA), {@code bob} (analyst) and {@code root}
 * (admin) whose password is in {@code -Da4p.screenshots.password}. Skipped otherwise.
 */
@EnabledIfSystemProperty(named = "a4p.screenshots.url", matches = "http.*")
class DemoScreenshots {
    static final Path OUT = Path.of("docs/screenshots");

    @Test
    void takeThem() throws Exception {
        String url = System.getProperty("a4p.screenshots.url");
        String password = System.getProperty("a4p.screenshots.password");
        Path bad = Files.writeString(Files.createTempDirectory("shots").resolve("minusca-2020-03.csv"), DataPagesTest.HEADER + "\n"
                + "MINUSCA-2020-03-00001,2020-03-04,MINUSCA,military,malicious_act,M,BGD,Person A\n"
                + "MINUSCA-2020-03-00002,31/03/2020,MINUSCA,military,malicious_act,M,BGD,Person B\n"
                + "MINUSCA-2020-03-00003,2020-03-09,MINUSCA,soldier,accident,M,RWA,Person C\n"
                + "MINUSCA-2020-03-00004,2020-03-11,MINUSCA,police,illness,X,SEN,Person D\n");
        try (Browser browser = new Browser(url)) {
            browser.signIn("ana", password);
            DataPagesTest.send(browser, "fatality", bad);
            browser.screenshot(OUT.resolve("data.png"));
        }
        try (Browser browser = new Browser(url)) {
            browser.signIn("bob", password).open("/data/submissions");
            browser.screenshot(OUT.resolve("data-submissions.png"));
            browser.open("/data/releases");
            browser.screenshot(OUT.resolve("data-releases.png"));
        }
        try (Browser browser = new Browser(url)) {
            browser.signIn("root", password).open("/admin");
            browser.screenshot(OUT.resolve("admin.png"));
            Path zip = AdminPagesTest.zippedPack(Files.createTempDirectory("pack").resolve("edited-pack.zip"));
            browser.open("/admin/pack").find("#p-files").sendKeys(zip.toAbsolutePath().toString());
            browser.clickAndWait("form[action='/admin/pack'] button");
            browser.screenshot(OUT.resolve("admin-pack.png"));
        }
    }
}
