package org.a4p.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.a4p.access.Role;
import org.a4p.support.Fixtures;
import org.a4p.web.ServerSettings;
import org.a4p.web.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code GET /metrics} on the real server, on H2 and PostgreSQL, scraped and parsed line by line
 * after an accepted and a rejected import, a release and a few calls: each counter moved by what
 * was done, requests are labelled by route template, and nothing from the data or the accounts
 * (a restricted field's value, a user's name, a path's id) appears in the scrape.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsEndpointTest {
    /** A restricted field's value (the fatality's name) and a user's name, planted to be looked for in the scrape. */
    static final String PLANTED_NAME = "Ozymandias Planted-Victim";
    static final String PLANTED_USER = "quartermain-zed";
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Parameter
    String url;

    ApiFixture api;
    ApiClient.Bearer planted;
    String before;
    String after;

    @BeforeParameterizedClassInvocation
    void start() throws Exception {
        api = new ApiFixture(url);
        api.addUser(PLANTED_USER, Role.ANALYST);
        planted = api.token(PLANTED_USER);
        before = scrape();
        // Accepted: 4 rows, one with a restricted name. Rejected: 3 rows, one with an impossible date.
        StringBuilder accepted = new StringBuilder(ReadingApiTest.HEADER).append('\n');
        for (int i = 1; i <= 4; i++) {
            accepted.append("MINUSCA-2020-03-0000").append(i).append(",2020-03-0").append(i).append(",MINUSCA,military,malicious_act,M,BGD,")
                    .append(i == 1 ? PLANTED_NAME : "").append('\n');
        }
        assertThat(upload(accepted.toString()).statusCode()).isEqualTo(201);
        String rejected = ReadingApiTest.HEADER + "\nMONUSCO-2020-04-00001,2020-04-01,MONUSCO,military,malicious_act,M,IND,\n"
                + "MONUSCO-2020-04-00002,2020-02-31,MONUSCO,military,malicious_act,M,IND,\n"
                + "MONUSCO-2020-04-00003,2020-04-03,MONUSCO,military,malicious_act,M,IND,\n";
        assertThat(upload(rejected).statusCode()).isEqualTo(422);
        Fixtures.approveAllAndPublish(api.app);
        for (int i = 0; i < 2; i++) {
            assertThat(api.client.get("/api/v1/record-types/fatality", ApiClient.ANONYMOUS).statusCode()).isEqualTo(200);
        }
        assertThat(api.client.get("/api/v1/submissions/987654", planted).statusCode()).isEqualTo(404);
        assertThat(api.client.get("/nothing-here/12345?secret=" + PLANTED_USER, ApiClient.ANONYMOUS).statusCode()).isEqualTo(404);
        after = scrape();
    }

    @AfterParameterizedClassInvocation
    void stop() {
        api.close();
    }

    @Test
    void importsAndTheirRowsAreCountedByOutcome() {
        assertThat(List.of(moved("a4p_imports_total", "outcome", "accepted"), moved("a4p_imports_total", "outcome", "rejected")))
                .containsExactly(1.0, 1.0);
        assertThat(List.of(moved("a4p_import_rows_total", "outcome", "accepted"), moved("a4p_import_rows_total", "outcome", "rejected")))
                .containsExactly(4.0, 3.0);
        assertThat(List.of(moved("a4p_implausible_findings_total", "handling", "accepted"),
                moved("a4p_implausible_findings_total", "handling", "held_back"))).containsExactly(0.0, 0.0);
    }

    @Test
    void releasesAndRefreshesAreCounted() {
        assertThat(moved("a4p_releases_published_total")).isEqualTo(1);
        assertThat(List.of(value(before, "a4p_release_latest"), value(after, "a4p_release_latest"))).containsExactly(0.0, 1.0);
        // The accepted import, the rejected one (its rejection rate) and the approval each refresh the indicators once.
        assertThat(moved("a4p_indicator_refresh_seconds_count")).isEqualTo(3);
        assertThat(value(after, "a4p_indicator_refresh_seconds_sum")).isPositive();
    }

    @Test
    void requestsAreCountedByRouteTemplateAndStatus() {
        assertThat(moved("http_server_requests_seconds_count", "method", "GET", "route", "/api/v1/record-types/{type}", "status", "200"))
                .isEqualTo(2);
        assertThat(moved("http_server_requests_seconds_count", "method", "GET", "route", "/api/v1/submissions/{id}", "status", "404"))
                .isEqualTo(1);
        assertThat(moved("http_server_requests_seconds_count", "method", "POST", "route", "/api/v1/submissions", "status", "201"))
                .isEqualTo(1);
        assertThat(moved("http_server_requests_seconds_count", "method", "POST", "route", "/api/v1/submissions", "status", "422"))
                .isEqualTo(1);
        assertThat(moved("http_server_requests_seconds_count", "method", "GET", "route", "unmatched", "status", "404")).isEqualTo(1);
        List<String> routes = new ArrayList<>();
        for (String line : after.lines().toList()) {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches() && sample.group(1).startsWith("http_server_requests")) {
                routes.add(labels(sample.group(2)).get("route"));
            }
        }
        assertThat(routes).isNotEmpty().allSatisfy(route -> assertThat(route).satisfiesAnyOf(
                r -> assertThat(r).isEqualTo("unmatched"), r -> assertThat(r).startsWith("/").doesNotContain("?").doesNotContainPattern("[0-9]{3,}")));
    }

    @Test
    void theScrapeHoldsNoValueNameOrPathFromTheData() {
        assertThat(after).doesNotContain(PLANTED_NAME, "Ozymandias", PLANTED_USER, planted.token(), "987654", "12345", "nothing-here",
                "/api/v1/record-types/fatality", "MINUSCA");
    }

    @Test
    void theScrapeIsPrometheusTextWithTheJvmBasics() {
        HttpResponse<String> response = api.client.get("/metrics", ApiClient.ANONYMOUS);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body()).contains("# TYPE a4p_imports_total counter", "jvm_memory_used_bytes{", "jvm_gc_", "jvm_threads_live_threads",
                "process_uptime_seconds");
    }

    @Test
    void aMetricsTokenShutsOutScrapersWithoutIt() {
        WebServer guarded = WebServer.start(api.app, ServerSettings.loopback(0).withMetricsToken("scrape-me-7"));
        try {
            ApiClient client = new ApiClient(guarded.url());
            HttpResponse<String> refused = client.get("/metrics", ApiClient.ANONYMOUS);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(client.get("/metrics", new ApiClient.Bearer("scrape-me-8")).statusCode()).isEqualTo(401);
            HttpResponse<String> allowed = client.get("/metrics", new ApiClient.Bearer("scrape-me-7"));
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(allowed.body()).contains("a4p_imports_total");
        } finally {
            guarded.stop();
        }
    }

    private HttpResponse<String> upload(String csv) {
        return api.client.send("POST", "/api/v1/submissions?type=fatality", planted, ApiClient.Body.file("fatalities.csv", csv));
    }

    private String scrape() {
        HttpResponse<String> response = api.client.get("/metrics", ApiClient.ANONYMOUS);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** How far a sample moved between the two scrapes (0 for one in neither). */
    private double moved(String name, String... labels) {
        return value(after, name, labels) - value(before, name, labels);
    }

    /** The sample with exactly these labels, 0 when the scrape has none. */
    private static double value(String scrape, String name, String... labels) {
        Map<String, String> wanted = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        for (String line : scrape.lines().toList()) {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches() && sample.group(1).equals(name) && labels(sample.group(2)).equals(wanted)) {
                return Double.parseDouble(sample.group(3));
            }
        }
        return 0;
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> out = new TreeMap<>();
        if (text != null) {
            Matcher label = LABEL.matcher(text);
            while (label.find()) {
                out.put(label.group(1), label.group(2));
            }
        }
        return out;
    }
}
