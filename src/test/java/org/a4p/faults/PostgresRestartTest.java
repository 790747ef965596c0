package org.a4p.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.a4p.app.App;
import org.a4p.db.Database;
import org.a4p.support.Fixtures;
import org.a4p.web.ServerSettings;
import org.a4p.web.WebServer;
import org.junit.jupiter.api.Test;

/**
 * The real server on a PostgreSQL of the test's own, which is stopped under it and started again:
 * while it is away /ready says 503 and a data route answers a 503 problem (not a hang), and once it
 * is back the same server answers again, without a restart of its own.
 */
class PostgresRestartTest {
    /** How long the server may take to notice the database is back: a bound on a wait, not a timed assertion. */
    static final Duration RECOVERY = Duration.ofSeconds(120);
    static final String DATA_ROUTE = "/api/v1/releases";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void serverAnswersAgainOncePostgresIsBack() throws Exception {
        try (OwnPostgres postgres = OwnPostgres.start(); App app = new App(Fixtures.pack(), Database.open(postgres.url()))) {
            WebServer server = WebServer.start(app, ServerSettings.loopback(0));
            try {
                assertThat(get(server, "/ready").statusCode()).isEqualTo(200);
                assertThat(get(server, DATA_ROUTE).statusCode()).isEqualTo(200);

                postgres.stop();
                HttpResponse<String> ready = get(server, "/ready");
                assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
                assertThat(ready.body()).contains("Not ready: the database is not reachable");
                long asked = System.nanoTime();
                HttpResponse<String> data = get(server, DATA_ROUTE);
                System.out.println("[PostgresRestartTest] " + DATA_ROUTE + " with the database away answered " + data.statusCode() + " in "
                        + (System.nanoTime() - asked) / 1_000_000 + " ms");
                assertThat(data.statusCode()).as(data.body()).isEqualTo(503);
                assertThat(data.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(data.headers().firstValue("Retry-After")).isPresent();
                assertThat(data.body()).contains("The database is not reachable");

                postgres.startAgain();
                assertThat(awaitStatus(server, "/ready", 200)).isEqualTo(200);
                HttpResponse<String> again = get(server, DATA_ROUTE);
                assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
                assertThat(again.body()).isEqualTo(get(server, DATA_ROUTE).body());
            } finally {
                server.stop();
            }
        }
    }

    private int awaitStatus(WebServer server, String path, int wanted) throws Exception {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = get(server, path).statusCode();
            if (last == wanted) {
                return last;
            }
            Thread.sleep(250);
        }
        return last;
    }

    /** A request that may wait for the pool's connection timeout, never unbounded. */
    private HttpResponse<String> get(WebServer server, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(60)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
