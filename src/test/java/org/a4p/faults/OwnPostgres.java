package org.a4p.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server of a test's own, started as {@code .ci/postgres} starts one (Debian's server
 * binaries, loopback, trust auth, no fsync; as root its files belong to {@code postgres}), so the
 * test can stop it and start it again on the same port and data folder.
 */
final class OwnPostgres implements AutoCloseable {
    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean root;

    private OwnPostgres(Path bin, Path dir, int port, boolean root) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.root = root;
    }

    /** Initialises and starts a server on a free port; aborts the test when the server binaries are absent. */
    static OwnPostgres start() throws IOException, InterruptedException {
        Path bin = serverBinaries();
        Assumptions.assumeTrue(bin != null, "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin"
                + " (apt-get install postgresql): the restart test is skipped");
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("a4p-own-postgres-");
        if (root) {
            run(List.of("chown", "postgres:", dir.toString()), dir, false);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        OwnPostgres server = new OwnPostgres(bin, dir, port, root);
        server.run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--locale=C", "--no-sync"));
        server.startAgain();
        return server;
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    /** Starts the server on its port and data folder, waiting until it accepts connections. */
    void startAgain() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l", dir.resolve("server.log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
    }

    /** {@code pg_ctl stop -m fast}: the server ends every session and stops. */
    void stop() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop"));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (Files.exists(dir.resolve("data/postmaster.pid"))) {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop"));
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        run(command, dir, root);
    }

    private static void run(List<String> command, Path dir, boolean asPostgres) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Path log = Files.createTempFile("a4p-own-postgres-", ".log");
        try {
            Process process = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                String serverLog = Files.exists(dir.resolve("server.log")) ? Files.readString(dir.resolve("server.log")) : "";
                throw new IllegalStateException(String.join(" ", full) + " failed:\n" + Files.readString(log) + serverLog);
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static Path serverBinaries() throws IOException {
        Path lib = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(lib)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(lib)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparing(bin -> versionNumber(bin.getParent().getFileName().toString()))).orElse(null);
        }
    }

    private static int versionNumber(String name) {
        return name.matches("\\d+") ? Integer.parseInt(name) : 0;
    }
}
