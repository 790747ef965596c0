package org.a4p.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.a4p.app.App;
import org.a4p.support.Fixtures;
import org.a4p.testing.Databases;
import org.junit.jupiter.api.Test;

/** Stopping lets requests in flight finish, refuses new connections, and waits no longer than its timeout. */
class GracefulShutdownTest {

    @Test
    void slowRequestInFlightFinishesWhileTheServerStopsAndNewConnectionsAreRefused() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        try (App app = Fixtures.app(Databases.h2Url("graceful"))) {
            WebServer server = WebServer.start(app, ServerSettings.loopback(0), config -> config.routes.get("/test/slow", ctx -> {
                entered.countDown();
                Thread.sleep(2_000);
                ctx.result("finished");
            }));
            Http http = new Http(server.url());
            CompletableFuture<HttpResponse<String>> slow = http.client().sendAsync(
                    HttpRequest.newBuilder(http.uri("/test/slow")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

            long started = System.nanoTime();
            Thread stopper = new Thread(server::stop, "test-stop");
            stopper.start();
            assertThat(refusesConnectionsWithin(server.port(), Duration.ofMillis(1_500))).isTrue();
            assertThat(slow).as("refused new connections while the slow request was still running").isNotDone();

            HttpResponse<String> response = slow.get(10, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("finished");
            stopper.join(20_000);
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(stopper.isAlive()).isFalse();
            assertThat(millis).as("stopped after %d ms: once the request was done, not after the 30 s timeout", millis).isLessThan(10_000);
        }
    }

    @Test
    void stopWaitsNoLongerThanItsTimeout() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        try (App app = Fixtures.app(Databases.h2Url("graceful-timeout"))) {
            WebServer server = WebServer.start(app, new ServerSettings(ServerSettings.LOOPBACK, 0, Duration.ofSeconds(1)),
                    config -> config.routes.get("/test/stuck", ctx -> {
                        entered.countDown();
                        Thread.sleep(20_000);
                        ctx.result("too late");
                    }));
            Http http = new Http(server.url());
            CompletableFuture<HttpResponse<String>> stuck = http.client().sendAsync(
                    HttpRequest.newBuilder(http.uri("/test/stuck")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            long started = System.nanoTime();
            server.stop();
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(millis).as("stop took %d ms with a 1 s timeout", millis).isBetween(900L, 5_000L);
            assertThat(stuck.handle((response, failure) -> response == null ? "cut" : response.body()).get(10, TimeUnit.SECONDS))
                    .isNotEqualTo("too late");
        }
    }

    static boolean refusesConnectionsWithin(int port, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                Thread.sleep(20);
            } catch (ConnectException refused) {
                return true;
            } catch (IOException other) {
                Thread.sleep(20);
            }
        }
        return false;
    }
}
