package org.a4p.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The product's server ({@code a4p serve}) as a child JVM on loopback: the same java binary and
 * class path as the bench, the database given in A4P_DB_URL rather than on the command line, where
 * a password in a JDBC URL would show in every process list. Closing it kills the child.
 */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final String url;
    private final Path log;
    private final List<String> command;

    private ServerProcess(Process process, String url, Path log, List<String> command) {
        this.process = process;
        this.url = url;
        this.log = log;
        this.command = command;
    }

    /** Starts the server on a free loopback port and returns once its /health answers. */
    static ServerProcess start(String database, long maxHeapMb, Path folder) throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = List.of(java, "-Xmx" + maxHeapMb + "m", "-cp", System.getProperty("java.class.path"), "org.a4p.cli.Main",
                "serve", "--port", Integer.toString(port));
        Path log = folder.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("A4P_DB_URL", database);
        ServerProcess server = new ServerProcess(builder.start(), "http://127.0.0.1:" + port, log, command);
        try {
            server.awaitHealth(Duration.ofSeconds(120));
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitHealth(Duration limit) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url + "/health")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the server exited with " + process.exitValue() + " before answering /health: " + logTail());
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the server", e);
            }
            sleep(200);
        }
        throw new IOException("the server did not answer /health within " + limit.toSeconds() + " s: " + logTail());
    }

    String url() {
        return url;
    }

    /** The command without its class path, which is long and says nothing. */
    String describe() {
        List<String> shown = new ArrayList<>(command);
        shown.set(3, "<the bench's class path>");
        return String.join(" ", shown) + " (A4P_DB_URL: the bench's database)";
    }

    /** True once the child is gone. */
    boolean stopped() {
        return !process.isAlive();
    }

    private String logTail() {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.substring(Math.max(0, text.length() - 2000));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
