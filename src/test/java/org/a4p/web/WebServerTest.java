package org.a4p.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.a4p.app.App;
import org.a4p.ingest.RowIssue;
import org.a4p.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * The real server on a random loopback port over real HTTP, on H2 and PostgreSQL: health and
 * readiness, problem documents for every failure, security headers on every response, JSON style.
 * Routes under /test are this test's own, added through {@link WebServer#start}'s hook.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebServerTest {
    static final String SECRET_CAUSE = "cause that must stay in the log 7f3a";

    record Sample(String indicatorId, long recordCount, LocalDate period, OffsetDateTime computedAt, Duration took) {}

    @Parameter
    String url;

    App app;
    WebServer server;
    Http http;
    final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeParameterizedClassInvocation
    void start() {
        app = Fixtures.app(url);
        server = WebServer.start(app, ServerSettings.loopback(0), config -> {
            config.routes.get("/test/fault", ctx -> {
                throw new IllegalStateException(SECRET_CAUSE);
            });
            config.routes.get("/test/error", ctx -> {
                throw new AssertionError(SECRET_CAUSE); // a java.lang.Error, not an Exception
            });
            config.routes.get("/test/count", ctx -> ctx.json(ctx.queryParamAsClass("n", Integer.class).check(n -> n > 0, "expected a positive whole number").get()));
            config.routes.get("/test/year", ctx -> {
                throw HttpProblem.badParameter("year", ctx.queryParam("year"), "expected a year like 2020");
            });
            config.routes.get("/test/rows", ctx -> {
                throw HttpProblem.invalidRows("allegations.csv: 2 rows failed validation", List.of(
                        new RowIssue("allegations.csv", 12, "reported_on", "31/02/2020", "expected a date like 2020-03-31"),
                        new RowIssue("allegations.csv", 13, "victim_identities", RowIssue.WITHHELD, "expected at most 200 characters")));
            });
            config.routes.get("/test/sample", ctx -> ctx.json(new Sample("p1_fatalities", 3, LocalDate.of(2020, 3, 31),
                    OffsetDateTime.of(2020, 4, 1, 12, 30, 0, 0, ZoneOffset.UTC), Duration.ofMillis(1500))));
        });
        http = new Http(server.url());
        log.start();
        ((Logger) LoggerFactory.getLogger(Problems.class)).addAppender(log);
    }

    @AfterParameterizedClassInvocation
    void stop() {
        ((Logger) LoggerFactory.getLogger(Problems.class)).detachAppender(log);
        server.stop();
        app.close();
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(server.url()).startsWith("http://127.0.0.1:");
    }

    @Test
    void healthSaysUp() {
        HttpResponse<String> response = http.get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"status\":\"up\"}");
    }

    @Test
    void readyWhenTheDatabaseAnswersAndIsMigrated() {
        HttpResponse<String> response = http.get("/ready");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ready\"}");
    }

    @Test
    void unknownRouteIsA404Problem() {
        HttpResponse<String> response = http.get("/no/such/page");
        assertProblem(response, 404, "about:blank", "Not Found");
        assertThat(Http.json(response).get("detail").asText()).isEqualTo("Nothing is served at /no/such/page.");
        assertThat(Http.json(response).get("instance").asText()).isEqualTo("/no/such/page");
    }

    @Test
    void wrongMethodIsA405ProblemThatNamesTheAllowedOnes() {
        HttpResponse<String> response = http.send("DELETE", "/health");
        assertProblem(response, 405, "about:blank", "Method Not Allowed");
        assertThat(response.headers().firstValue("Allow")).hasValue("GET");
        assertThat(Http.json(response).get("detail").asText()).isEqualTo("DELETE is not allowed on /health; allowed: GET.");
    }

    @Test
    void faultIsA500ProblemWithALogReferenceAndTheCauseOnlyInTheLog() {
        HttpResponse<String> response = http.get("/test/fault");
        assertProblem(response, 500, "about:blank", "Internal Server Error");
        assertThat(response.body()).doesNotContain(SECRET_CAUSE, "IllegalStateException", "at org.", "at java.");
        String reference = reference(Http.json(response).get("detail").asText());
        ILoggingEvent logged = log.list.stream().filter(e -> e.getFormattedMessage().contains(reference)).findFirst().orElseThrow();
        assertThat(logged.getFormattedMessage()).isEqualTo("GET /test/fault failed (reference " + reference + ")");
        assertThat(logged.getThrowableProxy().getMessage()).isEqualTo(SECRET_CAUSE);
    }

    @Test
    void javaErrorIsA500ProblemToo() {
        HttpResponse<String> response = http.get("/test/error");
        assertProblem(response, 500, "about:blank", "Internal Server Error");
        assertThat(response.body()).doesNotContain(SECRET_CAUSE, "AssertionError", "at org.");
        String reference = reference(Http.json(response).get("detail").asText());
        assertThat(log.list).anySatisfy(e -> {
            assertThat(e.getFormattedMessage()).contains(reference);
            assertThat(e.getThrowableProxy().getClassName()).isEqualTo(AssertionError.class.getName());
        });
    }

    @Test
    void parameterThatDoesNotParseIsA400Problem() {
        HttpResponse<String> response = http.get("/test/count?n=twelve");
        assertProblem(response, 400, "urn:a4p:problem:bad-parameter", "Bad parameter");
        assertThat(Http.json(response).get("errors").toString())
                .isEqualTo("[{\"parameter\":\"n\",\"value\":\"twelve\",\"expected\":\"expected a value of the parameter's type\"}]");
        JsonNode failedCheck = Http.json(http.get("/test/count?n=-3")).get("errors");
        assertThat(failedCheck.toString()).isEqualTo("[{\"parameter\":\"n\",\"value\":\"-3\",\"expected\":\"expected a positive whole number\"}]");
        assertThat(http.get("/test/count?n=3").body()).isEqualTo("3");
    }

    @Test
    void handlerRefusalIsA400ProblemThatNamesParameterRuleAndValue() {
        HttpResponse<String> response = http.get("/test/year?year=20x0");
        assertProblem(response, 400, "urn:a4p:problem:bad-parameter", "Bad parameter");
        assertThat(Http.json(response).get("detail").asText()).isEqualTo("parameter 'year': expected a year like 2020, got '20x0'");
    }

    @Test
    void invalidRowsCarryEveryRowIssueWithRestrictedValuesWithheld() {
        HttpResponse<String> response = http.get("/test/rows");
        assertProblem(response, 422, "urn:a4p:problem:invalid-rows", "Rows failed validation");
        assertThat(Http.json(response).get("errors").toString()).isEqualTo("["
                + "{\"file\":\"allegations.csv\",\"row\":12,\"column\":\"reported_on\",\"value\":\"31/02/2020\",\"expected\":\"expected a date like 2020-03-31\"},"
                + "{\"file\":\"allegations.csv\",\"row\":13,\"column\":\"victim_identities\",\"value\":\"(withheld: restricted field)\",\"expected\":\"expected at most 200 characters\"}]");
    }

    @Test
    void jsonHasSnakeCaseNamesAndIsoDatesNeverNumbers() {
        assertThat(http.get("/test/sample").body()).isEqualTo("{\"indicator_id\":\"p1_fatalities\",\"record_count\":3,"
                + "\"period\":\"2020-03-31\",\"computed_at\":\"2020-04-01T12:30:00Z\",\"took\":\"PT1.5S\"}");
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersAndNoServerVersion() throws IOException {
        List<HttpResponse<String>> responses = List.of(http.get("/health"), http.get("/ready"), http.get("/api/openapi.json"),
                http.get("/api/docs"), http.get("/api/docs/app/docs.js"), http.get("/api/docs/swagger-ui/swagger-ui.css"),
                http.get("/nothing-here"), http.send("POST", "/ready"), http.get("/test/fault"), http.get("/test/count?n=x"));
        assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(200, 200, 200, 200, 200, 200, 404, 405, 500, 400);
        for (HttpResponse<String> response : responses) {
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(response.uri().toString())
                    .hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(response.uri().toString()).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(response.uri().toString()).hasValue("no-referrer");
            assertThat(response.headers().firstValue("Server")).as(response.uri().toString()).isEmpty();
        }
        assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY).contains("default-src 'self'", "frame-ancestors 'none'", "script-src 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
    }

    @Test
    void requestJettyRefusesIsAProblemWithTheHeadersToo() throws IOException {
        String answer = Http.raw(server.port(), "GET /% HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertThat(answer).startsWith("HTTP/1.1 400 ");
        assertThat(head).contains("content-type: application/problem+json", "x-content-type-options: nosniff",
                "content-security-policy: " + SecurityHeaders.CONTENT_SECURITY_POLICY.toLowerCase(java.util.Locale.ROOT)).doesNotContain("\nserver:");
        assertThat(body).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"The server refused this request: Bad Request.\"}");
    }

    @Test
    void docsPageRunsNoInlineScriptAndEveryAssetItNamesIsServed() {
        HttpResponse<String> page = http.get("/api/docs");
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        List<String> scripts = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(page.body()).results()
                .map(m -> m.group(1) + "|" + m.group(2).strip()).toList();
        assertThat(scripts).containsExactly(" src=\"/api/docs/swagger-ui/swagger-ui-bundle.js\"|", " src=\"/api/docs/app/docs.js\"|");
        assertThat(page.body()).doesNotContain("style=", "<style", "onload=");
        Matcher assets = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"").matcher(page.body());
        int count = 0;
        while (assets.find()) {
            count++;
            assertThat(http.get(assets.group(1)).statusCode()).as(assets.group(1)).isEqualTo(200);
        }
        assertThat(count).isEqualTo(5);
        assertThat(http.get("/api/docs/app/docs.js").body()).contains("url: '/api/openapi.json'");
        // The webjar's own page (inline script, petstore URL) is not served.
        assertThat(http.get("/api/docs/swagger-ui/index.html").statusCode()).isEqualTo(404);
        assertThat(http.get("/api/docs/swagger-ui/swagger-initializer.js").statusCode()).isEqualTo(404);
    }

    private static String reference(String detail) {
        Matcher m = Pattern.compile("under reference ([0-9a-f]{8})\\.$").matcher(detail);
        assertThat(m.find()).as(detail).isTrue();
        return m.group(1);
    }

    static void assertProblem(HttpResponse<String> response, int status, String type, String title) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = Http.json(response);
        assertThat(problem.get("type").asText()).isEqualTo(type);
        assertThat(problem.get("title").asText()).isEqualTo(title);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("\tat ", "Exception", "javalin", "jetty");
    }
}
