package org.a4p.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import org.a4p.app.App;
import org.a4p.support.Fixtures;
import org.a4p.testing.Databases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code /ready} answers 503 with a problem document whenever the database cannot serve. */
class ReadinessTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void notReadyOnceTheDatabaseIsClosedWhileHealthStaysUp(String url) {
        App app = Fixtures.app(url);
        WebServer server = WebServer.start(app, ServerSettings.loopback(0));
        try {
            Http http = new Http(server.url());
            assertThat(http.get("/ready").statusCode()).isEqualTo(200);
            app.database().close();
            HttpResponse<String> ready = http.get("/ready");
            assertNotReady(ready, "Not ready: the database is not reachable.");
            assertThat(http.get("/health").statusCode()).isEqualTo(200);
        } finally {
            server.stop();
            app.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void notReadyWhenAMigrationIsMissing(String url) throws Exception {
        App app = Fixtures.app(url);
        WebServer server = WebServer.start(app, ServerSettings.loopback(0));
        try (Connection connection = app.database().dataSource().getConnection(); Statement statement = connection.createStatement()) {
            Http http = new Http(server.url());
            assertThat(http.get("/ready").statusCode()).isEqualTo(200);
            statement.executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '1'");
            assertNotReady(http.get("/ready"), "Not ready: migrations not applied: V1 core tables.");
        } finally {
            server.stop();
            app.close();
        }
    }

    @Test
    void notReadyWithinSecondsWhenThePostgresServerStopsAnswering() throws Exception {
        URI database = URI.create(Databases.postgresUrl().substring("jdbc:".length()));
        try (TcpProxy proxy = new TcpProxy(database.getHost(), database.getPort())) {
            String viaProxy = "jdbc:postgresql://127.0.0.1:" + proxy.port() + database.getRawPath()
                    + (database.getRawQuery() == null ? "" : "?" + database.getRawQuery());
            App app = Fixtures.app(viaProxy);
            WebServer server = WebServer.start(app, ServerSettings.loopback(0));
            try {
                Http http = new Http(server.url());
                assertThat(http.get("/ready").statusCode()).isEqualTo(200);
                proxy.close();
                long started = System.nanoTime();
                HttpResponse<String> ready = http.get("/ready");
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(Http.json(ready).get("detail").asText()).isIn("Not ready: the database is not reachable.",
                        "Not ready: the database did not answer within 3 s.");
                assertThat(ready.body()).doesNotContain("127.0.0.1", String.valueOf(proxy.port()), "Connection");
                assertThat(millis).as("answered in %d ms", millis).isLessThan(10_000);
            } finally {
                server.stop();
                app.close();
            }
        }
    }

    private static void assertNotReady(HttpResponse<String> ready, String detail) {
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(ready.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(Http.json(ready).get("type").asText()).isEqualTo("urn:a4p:problem:not-ready");
        assertThat(Http.json(ready).get("detail").asText()).isEqualTo(detail);
        assertThat(ready.body()).doesNotContain("Exception", "\tat ");
    }
}
