package org.a4p.api;

import org.a4p.web.CsrfTokens;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.a4p.access.Role;
import org.a4p.web.ServerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * Sign-in, sessions, CSRF and bearer tokens over real HTTP on H2 and PostgreSQL: the cookie's
 * attributes, a new id at every sign-in, sign-out and timeouts that end the session on the server,
 * the CSRF token that state-changing cookie requests need, tokens that stop at revocation, and
 * sign-in failures that say no more than the lockout does.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionApiTest {
    static final String COOKIE_ID = "a4p_session=([A-Za-z0-9_-]{43})";
    /** How Jetty writes a cookie to forget (Max-Age 0). */
    static final String CLEARED = "a4p_session=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict";

    @Parameter
    String url;

    ApiFixture api;
    ApiClient http;
    final AtomicInteger users = new AtomicInteger();
    final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeParameterizedClassInvocation
    void start() {
        api = new ApiFixture(url);
        http = api.client;
        api.addUser("admin", Role.ADMIN);
        log.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
    }

    @AfterParameterizedClassInvocation
    void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        api.close();
    }

    /** A new analyst for one test, so that failures and sessions of one test do not touch another's. */
    String newAnalyst() {
        String name = "analyst-" + users.incrementAndGet();
        api.addUser(name, Role.ANALYST);
        return name;
    }

    HttpResponse<String> signIn(ApiClient client, String name, String password, String... headers) {
        return client.send("POST", "/api/v1/session", ApiClient.ANONYMOUS,
                ApiClient.Body.json("{\"username\":\"" + name + "\",\"password\":\"" + password + "\"}"), headers);
    }

    @Test
    void signInSetsAnHttpOnlySameSiteStrictCookieForTheWholeSiteAndGivesTheCsrfToken() {
        String name = newAnalyst();
        HttpResponse<String> response = signIn(http, name, ApiFixture.PASSWORD);
        assertThat(response.statusCode()).isEqualTo(201);
        String cookie = ApiClient.setCookie(response).orElseThrow();
        // Plain HTTP, no trusted proxy: not Secure, or the browser would never send it back. No Max-Age: the browser's session.
        assertThat(cookie).matches(COOKIE_ID + "; Path=/; HttpOnly; SameSite=Strict");
        String sessionId = ApiClient.sessionCookie(response).orElseThrow();
        JsonNode body = ApiClient.json(response);
        assertThat(body.toString()).isEqualTo("{\"name\":\"" + name + "\",\"role\":\"analyst\",\"missions\":[],\"authenticated_by\":\"session\","
                + "\"csrf_token\":\"" + CsrfTokens.of(sessionId) + "\"}");
        assertThat(response.body()).doesNotContain(sessionId);
        HttpResponse<String> whoAmI = http.get("/api/v1/session", new ApiClient.Session(sessionId, null));
        assertThat(ApiClient.json(whoAmI)).isEqualTo(body);
    }

    @Test
    void cookieIsSecureOverHttpsSaidByATrustedProxyOnly() {
        String name = newAnalyst();
        assertThat(ApiClient.setCookie(signIn(http, name, ApiFixture.PASSWORD, "X-Forwarded-Proto", "https")).orElseThrow())
                .as("untrusted X-Forwarded-Proto").doesNotContain("Secure");
        try (ApiFixture proxied = new ApiFixture(url, ServerSettings.loopback(0).trustingForwardedProto())) {
            assertThat(ApiClient.setCookie(signIn(proxied.client, name, ApiFixture.PASSWORD, "X-Forwarded-Proto", "https")).orElseThrow())
                    .matches(COOKIE_ID + "; Path=/; Secure; HttpOnly; SameSite=Strict");
            assertThat(ApiClient.setCookie(signIn(proxied.client, name, ApiFixture.PASSWORD, "X-Forwarded-Proto", "http")).orElseThrow())
                    .doesNotContain("Secure");
        }
    }

    @Test
    void signingInRotatesTheSessionIdAndTheOldIdNoLongerWorks() {
        String name = newAnalyst();
        ApiClient.Session first = api.signIn(name);
        ApiClient.Session second = http.signIn(name, ApiFixture.PASSWORD, first);
        assertThat(second.sessionId()).isNotEqualTo(first.sessionId());
        assertThat(second.csrfToken()).isNotEqualTo(first.csrfToken());
        HttpResponse<String> old = http.get("/api/v1/session", first);
        assertThat(old.statusCode()).isEqualTo(401);
        assertThat(ApiClient.json(old).get("detail").asText()).isEqualTo("The session has ended; sign in again.");
        assertThat(ApiClient.setCookie(old).orElseThrow()).isEqualTo(CLEARED);
        assertThat(http.get("/api/v1/session", second).statusCode()).isEqualTo(200);
    }

    @Test
    void signOutEndsTheSessionOnTheServer() {
        ApiClient.Session session = api.signIn(newAnalyst());
        HttpResponse<String> out = http.send("DELETE", "/api/v1/session", session, null);
        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(ApiClient.setCookie(out).orElseThrow()).isEqualTo(CLEARED);
        // The browser would forget the cookie; a copy of it is dead all the same.
        assertThat(http.get("/api/v1/session", session).statusCode()).isEqualTo(401);
        assertThat(http.send("DELETE", "/api/v1/session", session, null).statusCode()).isEqualTo(401);
    }

    @Test
    void sessionIdleForThirtyMinutesTimesOut() {
        ApiClient.Session session = api.signIn(newAnalyst());
        api.clock.advance(Duration.ofMinutes(29));
        assertThat(http.get("/api/v1/session", session).statusCode()).isEqualTo(200);
        api.clock.advance(Duration.ofMinutes(29)); // each use restarts the idle time
        assertThat(http.get("/api/v1/session", session).statusCode()).isEqualTo(200);
        api.clock.advance(Duration.ofMinutes(30));
        HttpResponse<String> expired = http.get("/api/v1/values?indicator=P4.FATALITIES_ALL", session);
        assertThat(expired.statusCode()).as("an expired session is refused, never taken for an anonymous call").isEqualTo(401);
        assertThat(ApiClient.json(expired).get("detail").asText()).isEqualTo("The session timed out (idle too long); sign in again.");
        assertThat(http.get("/api/v1/session", session).statusCode()).isEqualTo(401);
    }

    @Test
    void stateChangingRequestsOnASessionNeedItsCsrfToken() {
        ApiClient.Session admin = api.signIn("admin");
        ApiClient.Session other = api.signIn(newAnalyst());
        HttpResponse<String> without = http.send("POST", "/api/v1/users/ghost/unlock", admin.withoutCsrf(), null);
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(without).get("type").asText()).isEqualTo("urn:a4p:problem:csrf");
        assertThat(http.send("POST", "/api/v1/users/ghost/unlock", admin.withCsrf(other.csrfToken()), null).statusCode())
                .as("another session's token").isEqualTo(403);
        assertThat(http.send("DELETE", "/api/v1/session", admin.withoutCsrf(), null).statusCode()).as("sign-out too").isEqualTo(403);
        HttpResponse<String> with = http.send("POST", "/api/v1/users/ghost/unlock", admin, null);
        assertThat(with.statusCode()).as(with.body()).isEqualTo(404); // past the guard: the use case knows no ghost
        assertThat(ApiClient.json(with).get("detail").asText()).isEqualTo("no user named 'ghost'");
        assertThat(http.get("/api/v1/users", admin.withoutCsrf()).statusCode()).as("a GET needs no token").isEqualTo(200);
        assertThat(log.list).anySatisfy(event -> assertThat(event.getFormattedMessage())
                .isEqualTo("event=denied user=admin action=POST:/api/v1/users/{name}/unlock reason=csrf_missing"));
    }

    @Test
    void bearerTokenWorksWithoutCsrfUntilRevoked() {
        String name = newAnalyst();
        ApiClient.Bearer token = api.token(name);
        HttpResponse<String> whoAmI = http.get("/api/v1/session", token);
        assertThat(whoAmI.body()).isEqualTo("{\"name\":\"" + name + "\",\"role\":\"analyst\",\"missions\":[],\"authenticated_by\":\"token\"}");
        assertThat(http.send("POST", "/api/v1/submissions?type=fatality", token, ApiClient.Body.json("[]")).statusCode())
                .as("a POST by token needs no CSRF token").isEqualTo(422);
        ApiClient.Session admin = api.signIn("admin");
        HttpResponse<String> revoked = http.send("DELETE", "/api/v1/users/" + name + "/tokens", admin, null);
        assertThat(revoked.body()).isEqualTo("{\"name\":\"" + name + "\",\"tokens\":1}");
        HttpResponse<String> refused = http.get("/api/v1/session", token);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(http.get("/api/v1/org-units", token).statusCode()).as("not taken for anonymous either").isEqualTo(401);
        assertThat(http.get("/api/v1/org-units", new ApiClient.Bearer("a4p_not-a-token")).statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordAndAnUnknownNameReadTheSameAndAWaitIsA429WithRetryAfter() {
        String name = newAnalyst();
        api.clock.freeze(); // the wait lasts a second: on a busy machine the sign-ins below may take longer than that
        try {
            tooSoonThenAllowed(name);
        } finally {
            api.clock.thaw();
        }
    }

    private void tooSoonThenAllowed(String name) {
        HttpResponse<String> wrong = signIn(http, name, "not the password at all");
        HttpResponse<String> unknown = signIn(http, "nobody-here", "not the password at all");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(unknown.body()).contains("\"detail\":\"Wrong user name or password.\"");
        assertThat(ApiClient.setCookie(wrong)).isEmpty();
        // Within a second of a failure the account waits: the right password is not even checked.
        HttpResponse<String> tooSoon = signIn(http, name, ApiFixture.PASSWORD);
        assertThat(tooSoon.statusCode()).isEqualTo(429);
        assertThat(tooSoon.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(signIn(http, "nobody-here", "not the password at all").statusCode()).as("an unknown name never waits").isEqualTo(401);
        api.clock.advance(Duration.ofSeconds(1));
        assertThat(signIn(http, name, ApiFixture.PASSWORD).statusCode()).isEqualTo(201);
    }

    @Test
    void tenFailuresLockTheAccountFor15MinutesEvenAgainstTheRightPassword() {
        String name = newAnalyst();
        for (int failure = 1; failure <= 10; failure++) {
            HttpResponse<String> response = signIn(http, name, "wrong guess number " + failure);
            assertThat(response.statusCode()).as("failure %d", failure).isEqualTo(failure < 10 ? 401 : 429);
            api.clock.advance(Duration.ofMinutes(5)); // past every wait before the lock (256 s at most)
        }
        HttpResponse<String> locked = signIn(http, name, ApiFixture.PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 600L);
        assertThat(ApiClient.json(locked).get("detail").asText()).startsWith("Too many failed sign-ins for this account: try again in ");
        assertThat(log.list).anySatisfy(event -> assertThat(event.getFormattedMessage()).startsWith("event=lockout user=" + name + " failures=10"));
        api.clock.advance(Duration.ofMinutes(11));
        assertThat(signIn(http, name, ApiFixture.PASSWORD).statusCode()).isEqualTo(201);
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWithoutEchoingIt() {
        HttpResponse<String> garbled = http.send("POST", "/api/v1/session", ApiClient.ANONYMOUS,
                ApiClient.Body.json("{\"username\":\"admin\",\"password\": hunter-secret-2}"));
        assertThat(garbled.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(garbled).get("detail").asText())
                .isEqualTo("Expected a JSON object {\"username\": …, \"password\": …}; the body goes wrong at line 1, column 33.");
        HttpResponse<String> form = http.send("POST", "/api/v1/session", ApiClient.ANONYMOUS,
                new ApiClient.Body("application/x-www-form-urlencoded", "username=admin&password=x".getBytes()));
        assertThat(form.statusCode()).as("a cross-site form cannot sign a browser in").isEqualTo(415);
        assertThat(log.list).noneSatisfy(event -> assertThat(event.getFormattedMessage()).contains("hunter-secret"));
    }

    @Test
    void noPasswordSessionIdOrTokenReachesTheLog() {
        String name = newAnalyst();
        ApiClient.Session session = api.signIn(name);
        ApiClient.Bearer token = api.token(name);
        http.get("/api/v1/session", token);
        http.send("DELETE", "/api/v1/session", session, null);
        http.get("/api/v1/session", session);
        signIn(http, name, "a wrong password of mine");
        assertThat(log.list).allSatisfy(event -> assertThat(event.getFormattedMessage())
                .doesNotContain(ApiFixture.PASSWORD, "a wrong password of mine", session.sessionId(), session.csrfToken(), token.token()));
        assertThat(log.list).anySatisfy(event -> assertThat(event.getFormattedMessage())
                .isEqualTo("event=login user=" + name + " outcome=failure reason=wrong_password failures=1"));
    }
}
