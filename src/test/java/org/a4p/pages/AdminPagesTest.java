package org.a4p.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.a4p.access.ListUsers;
import org.a4p.access.Role;
import org.a4p.testing.Databases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin pages in a real Chromium on a real server: an admin adds a user who can then sign in,
 * issues a token shown once, and checks an edited pack whose problem is shown with its file and
 * line; nobody but an admin opens them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminPagesTest {
    static final Path PACK = Path.of("src/main/resources/pack");
    static final String EDITED = "indicators/p4_medical_and_camps.yaml";

    PageFixture fixture;
    @TempDir
    Path folder;

    @BeforeAll
    void start() {
        fixture = new PageFixture(Databases.h2Url("admin-pages"));
        fixture.addUser("root", Role.ADMIN);
        fixture.addUser("hq", Role.ANALYST);
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    @Test
    void anAdminAddsAMissionOfficerWhoCanThenSignIn() {
        try (Browser browser = fixture.browser()) {
            browser.signIn("root", PageFixture.PASSWORD).open("/admin").accessible();
            browser.find("#a-name").sendKeys("goma");
            new Select(browser.find("#a-role")).selectByValue("mission_officer");
            new Select(browser.find("#a-missions")).selectByValue("MONUSCO");
            browser.find("#a-password").sendKeys("a long enough passphrase");
            browser.clickAndWait("form[action='/admin/users'] button");
            new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("done=add"));
            assertThat(browser.text("p.ok")).isEqualTo("User goma was added.");
            WebElement row = browser.all("table tbody tr").stream().filter(tr -> tr.findElement(By.tagName("th")).getText().equals("goma"))
                    .findFirst().orElseThrow();
            assertThat(row.getText()).contains("mission officer", "MONUSCO", "enabled");
            browser.accessible();
        }
        try (Browser browser = fixture.browser()) {
            browser.signIn("goma", "a long enough passphrase");
            assertThat(browser.text(".account .who")).isEqualTo("goma (mission officer)");
            assertThat(browser.all("nav a[href='/data']")).hasSize(1);
            assertThat(browser.all("nav a[href='/admin']")).isEmpty();
        }
    }

    @Test
    void aWeakPasswordIsRefusedWithTheFormKept() {
        try (Browser browser = fixture.browser()) {
            browser.signIn("root", PageFixture.PASSWORD).open("/admin");
            browser.find("#a-name").sendKeys("weak");
            new Select(browser.find("#a-role")).selectByValue("analyst");
            browser.find("#a-password").sendKeys("password1234");
            browser.clickAndWait("form[action='/admin/users'] button");
            assertThat(browser.text("p.problem")).isNotEmpty();
            assertThat(browser.find("#a-name").getAttribute("value")).isEqualTo("weak");
            assertThat(fixture.app.accounts().listUsers().run(new ListUsers.Request()).users())
                    .noneMatch(entry -> entry.user().name().equals("weak"));
            browser.accessible();
        }
    }

    @Test
    void aTokenIsShownOnceAndRevoked() {
        fixture.addUser("uploader", Role.MISSION_OFFICER, "UNMISS");
        try (Browser browser = fixture.browser()) {
            browser.signIn("root", PageFixture.PASSWORD).open("/admin");
            browser.find("details:has(form[action='/admin/users/uploader/token']) summary").click();
            browser.clickAndWait("form[action='/admin/users/uploader/token'] button");
            String token = browser.find("#token-value").getAttribute("value");
            assertThat(token).startsWith("a4p_");
            browser.accessible();
            browser.open("/admin");
            assertThat(browser.driver.getPageSource()).doesNotContain(token);
            browser.find("details:has(form[action='/admin/users/uploader/revoke']) summary").click();
            browser.clickAndWait("form[action='/admin/users/uploader/revoke'] button");
            new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("done=revoke"));
            assertThat(fixture.app.accounts().listUsers().run(new ListUsers.Request()).users().stream()
                    .filter(entry -> entry.user().name().equals("uploader")).findFirst().orElseThrow().activeTokens()).isZero();
        }
    }

    @Test
    void thePacksIndicatorsAreListedAndAnEditedPackWithAProblemShowsItsFileAndLine() throws Exception {
        Path zip = zippedPack(folder.resolve("edited-pack.zip"));
        try (Browser browser = fixture.browser()) {
            browser.signIn("root", PageFixture.PASSWORD).open("/admin/pack").accessible();
            assertThat(browser.all("#indicators ~ .table-wrap tbody tr, section[aria-labelledby=indicators] tbody tr"))
                    .hasSize(fixture.app.pack().indicators().size());
            browser.find("#p-files").sendKeys(zip.toAbsolutePath().toString());
            browser.clickAndWait("form[action='/admin/pack'] button");
            List<String> problem = browser.all("section[aria-labelledby=checked] tbody tr").stream()
                    .map(row -> row.getText()).toList();
            assertThat(problem).hasSize(1);
            assertThat(problem.get(0)).startsWith(EDITED + " 13 ").contains("furlongs");
            assertThat(browser.text("section[aria-labelledby=checked]")).doesNotContain("restart");
            browser.accessible();

            Path loose = Files.writeString(folder.resolve("p4_medical_and_camps.yaml"), edited());
            browser.open("/admin/pack").find("#p-files").sendKeys(loose.toAbsolutePath().toString());
            browser.clickAndWait("form[action='/admin/pack'] button");
            assertThat(browser.text("section[aria-labelledby=checked] tbody tr")).startsWith(EDITED + " 13 ");

            Path clean = Files.copy(PACK.resolve("pack.yaml"), folder.resolve("pack.yaml"));
            browser.open("/admin/pack").find("#p-files").sendKeys(clean.toAbsolutePath().toString());
            browser.clickAndWait("form[action='/admin/pack'] button");
            assertThat(browser.text("section[aria-labelledby=checked] p.ok")).startsWith("The pack is valid");
            assertThat(browser.text("section[aria-labelledby=checked] p.note")).contains("--pack");
            browser.accessible();
        }
    }

    @Test
    void onlyAnAdminOpensTheAdminPages() {
        try (Browser browser = fixture.browser()) {
            browser.signIn("hq", PageFixture.PASSWORD);
            for (String path : List.of("/admin", "/admin/pack")) {
                browser.open(path);
                assertThat(browser.title()).as(path).startsWith("Not allowed");
            }
        }
    }

    /** The bundled pack's line 13 ({@code unit: percent}) edited to a unit that does not exist. */
    static String edited() throws IOException {
        List<String> lines = Files.readAllLines(PACK.resolve(EDITED));
        assertThat(lines.get(12).trim()).isEqualTo("unit: percent");
        lines.set(12, lines.get(12).replace("percent", "furlongs"));
        return String.join("\n", lines) + "\n";
    }

    /** The bundled pack folder zipped under a top folder, as a file manager zips it, with one file edited. */
    static Path zippedPack(Path zip) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out);
             Stream<Path> files = Files.walk(PACK)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = PACK.relativize(file).toString().replace('\\', '/');
                entries.putNextEntry(new ZipEntry("my-pack/" + name));
                entries.write(name.equals(EDITED) ? edited().getBytes(java.nio.charset.StandardCharsets.UTF_8) : Files.readAllBytes(file));
                entries.closeEntry();
            }
        }
        return zip;
    }
}
