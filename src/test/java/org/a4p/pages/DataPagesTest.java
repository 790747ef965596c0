package org.a4p.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.a4p.access.Role;
import org.a4p.ingest.SubmissionSummary;
import org.a4p.ingest.SubmitRecords;
import org.a4p.release.Release;
import org.a4p.testing.Databases;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The data pages in a real Chromium on a real server: a mission officer sends a file with errors
 * and sees each in the table and in the CSV download, then a good one; an analyst approves it and
 * publishes a release; a delegate is refused; a form without the CSRF token is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataPagesTest {
    static final String HEADER = "casualty_id,incident_date,mission,personnel_type,incident_type,gender,nationality,name";

    PageFixture fixture;
    @TempDir
    Path folder;

    @BeforeAll
    void start() {
        fixture = new PageFixture(Databases.h2Url("data-pages"));
        fixture.addUser("bangui", Role.MISSION_OFFICER, "MINUSCA");
        fixture.addUser("hq", Role.ANALYST);
        fixture.addUser("envoy", Role.DELEGATE);
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    Path csv(String name, String... rows) throws IOException {
        return Files.writeString(folder.resolve(name), HEADER + "\n" + String.join("\n", rows) + "\n");
    }

    static void send(Browser browser, String type, Path file) {
        browser.open("/data");
        new Select(browser.find("#u-type")).selectByValue(type);
        browser.find("#u-file").sendKeys(file.toAbsolutePath().toString());
        browser.clickAndWait("form[action='/data/upload'] button[type=submit]");
    }

    @Test
    void aMissionOfficerSeesEveryRowErrorInTheTableAndInTheCsvDownloadThenSendsAGoodFile() throws Exception {
        Path bad = csv("bangui-bad.csv",
                "MINUSCA-2020-01-00001,2020-01-15,MINUSCA,military,malicious_act,M,BGD,Secret Person",
                "MINUSCA-2020-01-00002,31/02/2020,MINUSCA,military,malicious_act,M,BGD,Secret Person",
                "MINUSCA-2020-01-00003,2020-01-15,MINUSCA,soldier,malicious_act,M,BGD,Secret Person");
        try (Browser browser = fixture.browser()) {
            browser.signIn("bangui", PageFixture.PASSWORD).open("/data").accessible();
            assertThat(browser.all("#u-layout")).as("an officer sends in the type's own layout only").isEmpty();
            send(browser, "fatality", bad);
            assertThat(browser.text("#refused")).contains("bangui-bad.csv");
            List<List<String>> rows = browser.all(".refusal table tbody tr").stream()
                    .map(row -> row.findElements(By.tagName("td")).stream().map(cell -> cell.getText()).limit(4).toList()).toList();
            assertThat(rows).containsExactly(List.of("bangui-bad.csv", "3", "incident_date", "31/02/2020"),
                    List.of("bangui-bad.csv", "4", "personnel_type", "soldier"));
            assertThat(browser.driver.getPageSource()).doesNotContain("Secret Person");
            browser.accessible();

            String link = browser.find(".refusal a[href^='/data/errors/']").getAttribute("href");
            HttpResponse<String> download = get(link, cookie(browser));
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
            List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(download.body())).getRecords();
            assertThat(records).hasSize(2);
            assertThat(List.of(records.get(0).get("severity"), records.get(0).get("file"), records.get(0).get("row"),
                    records.get(0).get("column"), records.get(0).get("value"), records.get(0).get("expected")))
                    .containsExactly("error", "bangui-bad.csv", "3", "incident_date", "31/02/2020", "expected a date like 2020-03-31");
            assertThat(download.body()).doesNotContain("Secret Person");
            assertThat(get(link, null).statusCode()).as("another browser gets nothing").isNotEqualTo(200);

            Path good = csv("bangui-good.csv",
                    "MINUSCA-2020-01-00001,2020-01-15,MINUSCA,military,malicious_act,M,BGD,Person A",
                    "MINUSCA-2020-02-00002,2020-02-15,MINUSCA,police,accident,F,RWA,Person B");
            send(browser, "fatality", good);
            new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/data/submissions/"));
            assertThat(browser.text("p.ok")).isNotEmpty();
            assertThat(browser.text("dl.facts")).contains("bangui-good.csv").contains("2 read: 2 added, 0 revised, 0 unchanged, 0 retired");
            browser.accessible();
        }
    }

    @Test
    void anAnalystApprovesASubmissionAndPublishesAReleaseThatTheUseCaseLists() throws Exception {
        long id = submitAs("bangui", List.of("MINUSCA"), "approve-me.csv",
                "MINUSCA-2021-03-00001,2021-03-15,MINUSCA,military,malicious_act,M,BGD,Person C");
        try (Browser browser = fixture.browser()) {
            browser.signIn("hq", PageFixture.PASSWORD).open("/data/submissions").accessible();
            browser.clickAndWait("form[action='/data/submissions/" + id + "/approve'] button");
            new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("done=approve"));
            assertThat(browser.text("p.ok")).contains("approved");
            String status = fixture.app.database().jdbi().withHandle(handle -> handle.createQuery("SELECT status FROM submission WHERE id = :id")
                    .bind("id", id).mapTo(String.class).one());
            assertThat(status).isEqualTo("approved");

            browser.open("/data/submissions/" + id).accessible();
            assertThat(browser.all("#step-reopen")).hasSize(1);

            browser.open("/data/releases").accessible();
            browser.find("#r-note").sendKeys("First release from the pages");
            browser.clickAndWait("form[action='/data/releases'] button");
            new WebDriverWait(browser.driver, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().contains("published="));
            Release latest = fixture.app.releases().list().stream().max(java.util.Comparator.comparingInt(Release::number)).orElseThrow();
            assertThat(latest.note()).isEqualTo("First release from the pages");
            assertThat(latest.publishedBy()).isEqualTo("hq");
            String firstRow = browser.text("table tbody tr");
            assertThat(firstRow).startsWith(latest.number() + " ").contains("hq", "First release from the pages",
                    String.format(java.util.Locale.ROOT, "%,d", latest.values()));
            browser.accessible();

            browser.open("/data/submissions/" + id);
            browser.find("#reason-reopen").sendKeys("Row 2's date is a typo: the mission sends a corrected file");
            browser.clickAndWait("#step-reopen button");
            new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("done=reopen"));
            assertThat(browser.text("dl.facts")).contains("reopened", "Row 2's date is a typo");
            browser.accessible();
        }
    }

    @Test
    void anImplausibleMonthIsHeldBackWithItsHistoryAndAnAnalystAcceptsItFlagged() throws Exception {
        StringBuilder rows = new StringBuilder("report_date,mission,contributing_country,category,women,men\n");
        for (int month = 1; month <= 12; month++) {
            rows.append(java.time.YearMonth.of(2019, month).atEndOfMonth()).append(",MINUSCA,Bangladesh,military_contingent,50,950\n");
        }
        rows.append("2020-01-31,MINUSCA,Bangladesh,military_contingent,600,400\n");
        Path file = Files.writeString(folder.resolve("strength.csv"), rows.toString());
        try (Browser browser = fixture.browser()) {
            browser.signIn("hq", PageFixture.PASSWORD);
            send(browser, "personnel", file);
            List<String> findings = browser.all(".refusal ul.findings li").stream().map(item -> item.getText()).toList();
            assertThat(findings).isNotEmpty().allSatisfy(finding -> assertThat(finding).startsWith("implausible (rule women_share_troops)")
                    .contains("2020-01", "60.0%", "preceding months", "median 5.0%"));
            assertThat(browser.text(".refusal")).contains("Accept values held back as implausible");
            browser.accessible();

            browser.find("#u-file").sendKeys(file.toAbsolutePath().toString());
            browser.find("#u-accept").click();
            browser.clickAndWait("form[action='/data/upload'] button[type=submit]");
            new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/data/submissions/"));
            assertThat(browser.text("section[aria-labelledby=flagged]")).contains("2020-01", "accepted on request and flagged");
            browser.accessible();
        }
    }

    @Test
    void aMissionOfficerSeesOnlyItsMissionsSubmissions() throws Exception {
        long other = submitAs("hq", null, "monusco.csv", "MONUSCO-2020-03-00001,2020-03-02,MONUSCO,military,malicious_act,M,IND,Person M1");
        try (Browser browser = fixture.browser()) {
            browser.signIn("bangui", PageFixture.PASSWORD).open("/data/submissions");
            assertThat(browser.all("a[href='/data/submissions/" + other + "']")).isEmpty();
            browser.open("/data/submissions/" + other);
            assertThat(browser.title()).startsWith("Page not found");
        }
    }

    @Test
    void aDelegateIsRefusedTheDataPages() {
        try (Browser browser = fixture.browser()) {
            browser.signIn("envoy", PageFixture.PASSWORD);
            assertThat(browser.all("nav a[href='/data']")).isEmpty();
            for (String path : List.of("/data", "/data/submissions", "/data/releases", "/admin")) {
                browser.open(path);
                assertThat(browser.title()).as(path).startsWith("Not allowed");
            }
            browser.accessible();
        }
    }

    @Test
    void anonymousViewersAreSentToSignIn() {
        try (Browser browser = fixture.browser()) {
            browser.open("/data/submissions");
            assertThat(browser.driver.getCurrentUrl()).contains("/login?next=%2Fdata%2Fsubmissions");
        }
    }

    @Test
    void aFormSentWithoutItsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        try (Browser browser = fixture.browser()) {
            browser.signIn("hq", PageFixture.PASSWORD);
            String cookie = cookie(browser);
            int before = fixture.app.releases().list().size();
            HttpResponse<String> without = post("/data/releases", cookie, "note=forged");
            assertThat(without.statusCode()).isEqualTo(403);
            assertThat(without.body()).contains("did not come from this site");
            HttpResponse<String> wrong = post("/data/releases", cookie, "note=forged&csrf=0123456789abcdef");
            assertThat(wrong.statusCode()).isEqualTo(403);
            assertThat(fixture.app.releases().list()).hasSize(before);
        }
    }

    @Test
    void aFileOverTheBoundIsRefusedAsTooLargeNotAFault() throws Exception {
        try (Browser browser = fixture.browser()) {
            browser.signIn("bangui", PageFixture.PASSWORD).open("/data");
            String csrf = browser.find("form[action='/data/upload'] input[name=csrf]").getAttribute("value");
            String boundary = "a4p-test-boundary";
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.csv\"\r\nContent-Type: text/csv\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[head.length + org.a4p.web.Uploads.MAX_BYTES + 1024 + tail.length];
            java.util.Arrays.fill(body, (byte) 'a');
            System.arraycopy(head, 0, body, 0, head.length);
            System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fixture.server.url() + "/data/upload"))
                    .header("Cookie", cookie(browser)).header("Accept", "text/html").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.body()).contains("at most 32 MiB");
        }
    }

    long submitAs(String user, List<String> missions, String fileName, String... rows) {
        byte[] bytes = (HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
        SubmitRecords.Result result = new SubmitRecords(fixture.app.pack(), fixture.app.importer(), fixture.app.accounts().reportDenial())
                .run(new SubmitRecords.Request(user, missions, "fatality", null, fileName, bytes, false));
        assertThat(result).isInstanceOf(SubmitRecords.Submitted.class);
        SubmissionSummary submission = ((SubmitRecords.Submitted) result).submission();
        return submission.id();
    }

    static String cookie(Browser browser) {
        return "a4p_session=" + browser.driver.manage().getCookieNamed("a4p_session").getValue();
    }

    HttpResponse<String> get(String url, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String cookie, String form) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fixture.server.url() + path)).header("Cookie", cookie)
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
