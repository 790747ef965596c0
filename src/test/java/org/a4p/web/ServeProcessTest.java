package org.a4p.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.a4p.cli.Main;
import org.a4p.support.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code a4p serve} as a process of its own on an H2 folder: other commands work on the folder
 * while it runs, and SIGTERM lets the request in flight finish before the database is closed.
 */
class ServeProcessTest {
    static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
    static final Duration START = Duration.ofSeconds(90);
    /** The JVM's exit status after SIGTERM once its shutdown hooks have run. */
    static final int TERMINATED = 128 + 15;

    @TempDir
    Path folder;

    @Test
    void cliCommandsReadAndWriteTheFolderWhileServeHoldsIt() throws Exception {
        Path db = folder.resolve("db");
        try (ChildJvm serve = new ChildJvm(Main.class, "serve", "--port", "0", "--db", db.toString())) {
            Http http = new Http(serve.await(LISTENING, START));
            assertThat(http.get("/ready").statusCode()).isEqualTo(200);

            CliRun empty = CliRun.of("submissions", "--db", db.toString());
            assertThat(empty.code()).as(empty.all()).isZero();
            assertThat(empty.out()).contains("No submissions yet.");

            Path file = folder.resolve("served-allegations.csv");
            Files.writeString(file, "allegation_id,reported_on,mission,category,personnel_category,investigation_status,victim_identities\n"
                    + "SRV-1,2020-01-05,MINUSCA,sexual_abuse,military,substantiated,\n");
            CliRun imported = CliRun.of("import", "--type", "allegation", "--db", db.toString(), file.toString());
            assertThat(imported.code()).as(imported.all()).isZero();
            CliRun listed = CliRun.of("submissions", "--db", db.toString());
            assertThat(listed.out()).contains("served-allegations.csv");
            assertThat(listed.all()).doesNotContain("locked");
            assertThat(http.get("/ready").statusCode()).isEqualTo(200);

            // The server the first process opened for the others listens on loopback only.
            String address = lockProperties(db).getProperty("server");
            assertThat(InetAddress.getByName(address.substring(0, address.lastIndexOf(':'))).isLoopbackAddress()).as(address).isTrue();

            serve.terminate();
            assertThat(serve.awaitExit(Duration.ofSeconds(60))).isEqualTo(TERMINATED);
            assertThat(serve.output()).contains("Stopped.");
            assertThat(db.resolve("a4p.lock.db")).as("closed cleanly").doesNotExist();
        }
    }

    @Test
    void sigtermLetsTheRequestInFlightFinishThenClosesTheDatabase() throws Exception {
        Path db = folder.resolve("slow");
        try (ChildJvm serve = new ChildJvm(SlowServeMain.class, db.toString())) {
            String base = serve.await(LISTENING, START);
            Http http = new Http(base);
            CompletableFuture<HttpResponse<String>> slow = http.client().sendAsync(
                    HttpRequest.newBuilder(http.uri("/test/slow")).build(), HttpResponse.BodyHandlers.ofString());
            serve.await(Pattern.compile("slow request started"), Duration.ofSeconds(30));
            assertThat(db.resolve("a4p.lock.db")).exists();

            serve.terminate();
            serve.await(Pattern.compile("Stopping: requests in flight get up to 30 s"), Duration.ofSeconds(10));
            int port = Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
            assertThat(GracefulShutdownTest.refusesConnectionsWithin(port, Duration.ofSeconds(2))).isTrue();
            assertThat(slow).as("new connections refused while the slow request still ran").isNotDone();

            HttpResponse<String> response = slow.get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("finished");
            assertThat(serve.awaitExit(Duration.ofSeconds(60))).isEqualTo(TERMINATED);
            List<String> lines = serve.output().lines().toList();
            assertThat(lines).containsSubsequence("slow request started", "Stopping: requests in flight get up to 30 s to finish.",
                    "slow request finished", "Stopped.");
            assertThat(db.resolve("a4p.lock.db")).as("database closed after the server stopped").doesNotExist();
            assertThat(serve.output()).doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    void portInUseIsOneLineAndExitCode1() throws IOException {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of("serve", "--port", String.valueOf(taken.getLocalPort()), "--db", folder.resolve("taken").toString());
            assertThat(run.code()).isEqualTo(Main.REJECTED);
            assertThat(run.err()).contains("Port already in use").contains(String.valueOf(taken.getLocalPort()));
        }
        CliRun badPort = CliRun.of("serve", "--port", "70000", "--db", folder.resolve("taken").toString());
        assertThat(badPort.code()).isEqualTo(Main.USAGE);
        assertThat(badPort.err()).contains("--port 70000: expected 0 to 65535");
    }

    private static Properties lockProperties(Path db) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(db.resolve("a4p.lock.db"))) {
            properties.load(in);
        }
        return properties;
    }
}
