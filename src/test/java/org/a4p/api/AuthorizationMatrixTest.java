package org.a4p.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.a4p.access.Role;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * The authorization matrix, generated from {@link ApiPolicy}: every route, called over real HTTP
 * by a real user of every role (by API token and by session cookie with its CSRF token) and by an
 * anonymous caller, is allowed (neither 401 nor 403, nor a fault) exactly where the table says,
 * else refused with 401 (anonymous) or 403 (a role without the right), and the refusal is logged.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {
    /** A concrete call of a route. {@code endsSession}: the call ends or replaces the caller's session, which is then renewed. */
    record Sample(String path, ApiClient.Body body, boolean endsSession) {
        static Sample get(String path) {
            return new Sample(path, null, false);
        }

        static Sample with(String path, String json) {
            return new Sample(path, ApiClient.Body.json(json), false);
        }
    }

    private static final String PROBE = "matrix-probe";
    /** Makes submission 1 in {@link #start()}: no one in the matrix steps on a submission of their own. */
    private static final String UPLOADER = "matrix-uploader";
    private static final String MINUSCA_RECORD = "[{\"casualty_id\":\"MINUSCA-2021-05-00009\",\"incident_date\":\"2021-05-03\","
            + "\"mission\":\"MINUSCA\",\"personnel_type\":\"military\",\"incident_type\":\"illness\",\"gender\":\"M\",\"nationality\":\"PAK\"}]";
    private static final String REASON = "{\"reason\":\"matrix probe\"}";

    /**
     * One sample per route of the policy; harmless: unknown users, bodies the use case refuses, an
     * empty upload. The workflow steps act on submission 1, of MINUSCA records only, which the
     * uploader made: so the use case never answers an allowed caller 403 (its own submission to
     * approve, another mission's records). Its status moves as the matrix runs (the first analyst
     * call approves it, a later one reopens it), and a step from the wrong status answers 409: past
     * the guard, so allowed. Releases follow whatever was approved: 201, or 409 when nothing changed.
     */
    static final Map<String, Sample> SAMPLES = Map.ofEntries(
            Map.entry("GET /health", Sample.get("/health")),
            Map.entry("GET /ready", Sample.get("/ready")),
            Map.entry("GET /api/openapi.json", Sample.get("/api/openapi.json")),
            Map.entry("GET /api/docs", Sample.get("/api/docs")),
            Map.entry("POST /api/v1/session", new Sample("/api/v1/session",
                    ApiClient.Body.json("{\"username\":\"" + PROBE + "\",\"password\":\"" + ApiFixture.PASSWORD + "\"}"), true)),
            Map.entry("GET /api/v1/session", Sample.get("/api/v1/session")),
            Map.entry("DELETE /api/v1/session", new Sample("/api/v1/session", null, true)),
            Map.entry("GET /api/v1/org-units", Sample.get("/api/v1/org-units?level=mission")),
            Map.entry("GET /api/v1/record-types", Sample.get("/api/v1/record-types")),
            Map.entry("GET /api/v1/record-types/{type}", Sample.get("/api/v1/record-types/fatality")),
            Map.entry("GET /api/v1/record-types/{type}/template", Sample.get("/api/v1/record-types/fatality/template")),
            Map.entry("GET /api/v1/indicators", Sample.get("/api/v1/indicators?priority=P4")),
            Map.entry("GET /api/v1/values", Sample.get("/api/v1/values?indicator=P4.FATALITIES_ALL&org_unit=MINUSCA&totals=true")),
            Map.entry("GET /api/v1/scorecards", Sample.get("/api/v1/scorecards?org_unit=MINUSCA&year=2020")),
            Map.entry("GET /api/v1/ranking", Sample.get("/api/v1/ranking?scope=PKO")),
            Map.entry("GET /api/v1/records/{type}", Sample.get("/api/v1/records/fatality")),
            Map.entry("POST /api/v1/submissions", Sample.with("/api/v1/submissions?type=fatality", "[]")),
            Map.entry("GET /api/v1/submissions", Sample.get("/api/v1/submissions")),
            Map.entry("GET /api/v1/submissions/{id}", Sample.get("/api/v1/submissions/1")),
            Map.entry("POST /api/v1/submissions/{id}/submit", Sample.get("/api/v1/submissions/1/submit")),
            Map.entry("POST /api/v1/submissions/{id}/approve", Sample.get("/api/v1/submissions/1/approve")),
            Map.entry("POST /api/v1/submissions/{id}/return", Sample.with("/api/v1/submissions/1/return", REASON)),
            Map.entry("POST /api/v1/submissions/{id}/reopen", Sample.with("/api/v1/submissions/1/reopen", REASON)),
            Map.entry("POST /api/v1/releases", Sample.with("/api/v1/releases", "{\"note\":\"matrix probe\"}")),
            Map.entry("GET /api/v1/releases", Sample.get("/api/v1/releases")),
            Map.entry("GET /api/v1/releases/{number}", Sample.get("/api/v1/releases/1?change=added&limit=10")),
            Map.entry("GET /api/v1/values/history", Sample.get("/api/v1/values/history?indicator=P4.FATALITIES_ALL&org_unit=MINUSCA&period=2021")),
            Map.entry("GET /api/v1/values/explain", Sample.get("/api/v1/values/explain?indicator=P4.FATALITIES_ALL&org_unit=MINUSCA&period=2021")),
            Map.entry("GET /api/v1/geo/missions", Sample.get("/api/v1/geo/missions?indicator=P4.FATALITIES_ALL")),
            Map.entry("GET /api/v1/geo/sites", Sample.get("/api/v1/geo/sites?mission=MINUSCA")),
            Map.entry("POST /api/v1/pack/reload", Sample.get("/api/v1/pack/reload")),
            Map.entry("GET /api/v1/users", Sample.get("/api/v1/users")),
            Map.entry("POST /api/v1/users", Sample.with("/api/v1/users",
                    "{\"name\":\"Not A Name\",\"role\":\"analyst\",\"missions\":[],\"password\":\"" + ApiFixture.PASSWORD + "\"}")),
            Map.entry("POST /api/v1/users/{name}/disable", Sample.get("/api/v1/users/ghost/disable")),
            Map.entry("POST /api/v1/users/{name}/unlock", Sample.get("/api/v1/users/ghost/unlock")),
            Map.entry("PUT /api/v1/users/{name}/password", Sample.with("/api/v1/users/ghost/password",
                    "{\"password\":\"" + ApiFixture.PASSWORD + "\"}")),
            Map.entry("POST /api/v1/users/{name}/tokens", Sample.get("/api/v1/users/ghost/tokens")),
            Map.entry("DELETE /api/v1/users/{name}/tokens", Sample.get("/api/v1/users/ghost/tokens")));

    @Parameter
    String url;

    ApiFixture api;
    final Map<Role, ApiClient.Bearer> tokens = new EnumMap<>(Role.class);
    final Map<Role, ApiClient.Session> sessions = new EnumMap<>(Role.class);
    final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeParameterizedClassInvocation
    void start() {
        api = new ApiFixture(url);
        api.addUser(PROBE, Role.ANALYST);
        api.addUser(UPLOADER, Role.MISSION_OFFICER, "MINUSCA");
        HttpResponse<String> made = api.client.send("POST", "/api/v1/submissions?type=fatality", api.token(UPLOADER),
                ApiClient.Body.json(MINUSCA_RECORD));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        assertThat(ApiClient.json(made).get("id").asLong()).as("the submission the workflow samples act on").isEqualTo(1);
        for (Role role : Role.values()) {
            String name = user(role);
            if (role.scopedToMissions()) {
                api.addUser(name, role, "MINUSCA");
            } else {
                api.addUser(name, role);
            }
            tokens.put(role, api.token(name));
            sessions.put(role, api.signIn(name));
        }
        log.start();
        ((Logger) LoggerFactory.getLogger("org.a4p.access.SecurityEvents")).addAppender(log);
    }

    @AfterParameterizedClassInvocation
    void stop() {
        ((Logger) LoggerFactory.getLogger("org.a4p.access.SecurityEvents")).detachAppender(log);
        api.close();
    }

    @Test
    void policyNamesExactlyTheRegisteredRoutes() {
        Set<String> registered = new TreeSet<>();
        api.server.routes().stream().filter(route -> route.path().startsWith("/api/") || route.path().equals("/health") || route.path().equals("/ready"))
                .forEach(route -> registered.add(route.method() + " " + route.path()));
        Set<String> inPolicy = new TreeSet<>();
        ApiPolicy.RULES.forEach(rule -> inPolicy.add(rule.method() + " " + rule.path()));
        assertThat(inPolicy).containsExactlyElementsOf(registered);
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(inPolicy);
    }

    @TestFactory
    Stream<DynamicTest> everyRouteAnswersEveryRoleAsThePolicySays() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ApiPolicy.Rule rule : ApiPolicy.RULES) {
            String route = rule.method() + " " + rule.path();
            tests.add(DynamicTest.dynamicTest(route + " anonymous", () -> check(rule, Optional.empty(), ApiClient.ANONYMOUS)));
            for (Role role : Role.values()) {
                tests.add(DynamicTest.dynamicTest(route + " " + role.code() + " by token", () -> check(rule, Optional.of(role), tokens.get(role))));
                tests.add(DynamicTest.dynamicTest(route + " " + role.code() + " by session", () -> check(rule, Optional.of(role), sessions.get(role))));
            }
        }
        return tests.stream();
    }

    private void check(ApiPolicy.Rule rule, Optional<Role> role, ApiClient.Credentials credentials) {
        Sample sample = SAMPLES.get(rule.method() + " " + rule.path());
        assertThat(sample).as("a sample call of " + rule.method() + " " + rule.path()).isNotNull();
        int logged = log.list.size();
        HttpResponse<String> response = api.client.send(rule.method(), sample.path(), credentials, sample.body());
        String as = rule.method() + " " + sample.path() + " as " + role.map(Role::code).orElse("anonymous") + ": " + response.body();
        if (rule.allows(role)) {
            assertThat(response.statusCode()).as(as).isNotIn(401, 403).isLessThan(500);
        } else {
            assertThat(response.statusCode()).as(as).isEqualTo(role.isEmpty() ? 401 : 403);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            String reason = role.map(r -> "reason=role_" + r.code()).orElse("reason=not_signed_in");
            assertThat(log.list.subList(logged, log.list.size())).as(as).anySatisfy(event -> assertThat(event.getFormattedMessage())
                    .isEqualTo("event=denied user=" + role.map(AuthorizationMatrixTest::user).orElse("-") + " action="
                            + rule.method() + ":" + rule.path() + " " + reason));
        }
        if (sample.endsSession() && role.isPresent() && credentials instanceof ApiClient.Session) {
            sessions.put(role.get(), api.signIn(user(role.get())));
        }
    }

    private static String user(Role role) {
        return "matrix-" + role.code().replace('_', '-');
    }
}
