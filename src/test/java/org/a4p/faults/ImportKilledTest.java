package org.a4p.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.a4p.audit.AuditEntry;
import org.a4p.audit.VerifyAudit;
import org.a4p.cli.Main;
import org.a4p.db.Database;
import org.a4p.support.CliRun;
import org.a4p.testing.Databases;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code a4p import} in a JVM of its own, killed with SIGKILL at several points of a large import:
 * every table is left exactly as it was, the audit chain still ends at the same head, and the same
 * import run again then goes through whole. On an H2 folder and on a real PostgreSQL.
 */
class ImportKilledTest {
    /** Enough rows for the import to run several seconds on either database. */
    static final int ROWS = 50_000;
    static final String HEADER = "casualty_id,incident_date,mission,personnel_type,incident_type,gender,nationality,name";
    static final List<String> MISSIONS = List.of("MINUSCA", "MONUSCO", "UNMISS", "MINUSMA", "UNIFIL");
    static final Duration IMPORT_LIMIT = Duration.ofMinutes(5);

    @TempDir
    Path folder;

    /**
     * Where a kill lands: after a delay; on H2 once the database file has grown to a size (its
     * writes of uncommitted pages); on PostgreSQL once the child runs a statement that matches.
     */
    record KillPoint(String name, Duration after, Pattern statement, long size) {
        static KillPoint after(Duration delay) {
            return new KillPoint("after " + delay.toMillis() + " ms", delay, null, 0);
        }

        static KillPoint whileRunning(String what, String regex) {
            return new KillPoint("while " + what, Duration.ZERO, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), 0);
        }

        static KillPoint onceGrown(long size) {
            return new KillPoint("once a4p.mv.db reached " + size / 1024 + " kB", Duration.ZERO, null, size);
        }
    }

    static Stream<Named<String>> databases() {
        return Stream.of(Named.of("H2 file", "h2-folder"), Named.of("PostgreSQL", "postgresql"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void killedImportLeavesTheDatabaseAsItWasAndTheSameImportThenSucceeds(String kind) throws Exception {
        boolean postgres = kind.equals("postgresql");
        String target = postgres ? Databases.postgresUrl() : folder.resolve("db").toString();
        writeBaseline(target);
        DatabaseState before = DatabaseState.of(target);
        assertThat(before.table("rec_fatality")).startsWith("3 rows");

        Path big = bigFatalityFile(folder.resolve("fatalities-big.csv"));
        // Kill points spread over the import as it runs on this machine, measured on a scratch database.
        String scratch = postgres ? Databases.postgresUrl() : copyOf(target, "scratch");
        if (postgres) {
            writeBaseline(scratch);
        }
        long sizeBefore = postgres ? 0 : Files.size(Path.of(scratch, "a4p.mv.db"));
        Duration whole = timedImport(scratch, big);
        List<KillPoint> points = new ArrayList<>();
        // While the file is read and checked: nothing written yet.
        for (double fraction : new double[] {0.05, 0.15, 0.3}) {
            points.add(KillPoint.after(Duration.ofMillis((long) (whole.toMillis() * fraction))));
        }
        if (postgres) {
            // The records go in by COPY on PostgreSQL.
            points.add(KillPoint.whileRunning("writing records", "(insert into|copy) rec_fatality"));
            points.add(KillPoint.whileRunning("refreshing indicators", "indicator_value"));
            points.add(KillPoint.whileRunning("appending to the audit trail", "audit_(entry|head)"));
        } else {
            // While the records are written: H2 puts uncommitted pages in its file as it goes.
            long growth = Files.size(Path.of(scratch, "a4p.mv.db")) - sizeBefore;
            for (double fraction : new double[] {0.2, 0.5, 0.8}) {
                points.add(KillPoint.onceGrown(sizeBefore + (long) (growth * fraction)));
            }
        }
        String killed = target;
        for (int i = 0; i < points.size(); i++) {
            KillPoint point = points.get(i);
            // On H2 each kill has a copy of the untouched database, so that a size means the same point in each.
            killed = postgres ? target : copyOf(target, "killed-" + i);
            Process child = startImport(killed, big, folder.resolve("killed-" + i + ".log"));
            try {
                awaitKillPoint(child, point, killed, postgres);
                assertThat(child.isAlive()).as("the import still ran when killed %s (more rows are needed)", point.name()).isTrue();
                child.destroyForcibly();
                assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
            } finally {
                child.destroyForcibly();
            }
            if (!postgres) {
                System.out.println("[ImportKilledTest] H2 killed " + point.name() + ": a4p.lock.db left behind: "
                        + Files.exists(Path.of(killed, "a4p.lock.db")));
            }
            DatabaseState now = DatabaseState.of(killed);
            if (!now.equals(before) && now.table("rec_fatality").startsWith(ROWS + " rows")) {
                // Killed after its commit reached the database (the process still closing it): then the import is there whole.
                assertThat(now.audit().seq()).isGreaterThan(before.audit().seq());
                System.out.println("[ImportKilledTest] " + kind + ": killed " + point.name() + ", after its commit: the import is whole");
                return;
            }
            assertThat(now).as("the database after the import was killed %s", point.name()).isEqualTo(before);
        }

        Duration complete = timedImport(killed, big);
        System.out.println("[ImportKilledTest] " + kind + ": the import of " + ROWS + " rows took " + whole.toMillis()
                + " ms on the scratch database, " + complete.toMillis() + " ms after the kills; killed " + points.stream().map(KillPoint::name).toList());
        DatabaseState after = DatabaseState.of(killed);
        assertThat(after.table("rec_fatality")).startsWith(ROWS + " rows");
        assertThat(after.audit().seq()).isGreaterThan(before.audit().seq());
    }

    /** A copy of a closed H2 folder. */
    private String copyOf(String source, String name) throws IOException {
        Path copy = Files.createDirectory(folder.resolve(name));
        try (Stream<Path> files = Files.list(Path.of(source))) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy.toString();
    }

    /** A few small imports, one refused, so that every kind of row an import writes is already there. */
    private void writeBaseline(String target) throws IOException {
        Path fatalities = folder.resolve("fatalities-small.csv");
        Files.writeString(fatalities, String.join("\n", HEADER,
                "MINUSCA-2016-01-000000,2016-01-15,MINUSCA,military,malicious_act,M,BGD,Person A",
                "MONUSCO-2016-01-000001,2016-01-16,MONUSCO,police,accident,F,RWA,Person B",
                "UNMISS-2016-01-000002,2016-01-17,UNMISS,military,accident,M,NPL,Person C") + "\n");
        Path refused = folder.resolve("fatalities-refused.csv");
        Files.writeString(refused, HEADER + "\nMINUSCA-2020-01-00009,31/02/2020,MINUSCA,military,accident,M,BGD,Person D\n");
        Path allegations = folder.resolve("allegations.csv");
        Files.writeString(allegations, "allegation_id,reported_on,mission,category,personnel_category,investigation_status,victim_identities\n"
                + "KIL-1,2020-01-05,MINUSCA,sexual_abuse,military,substantiated,\n");
        assertImport(target, "fatality", fatalities, 0);
        assertImport(target, "fatality", refused, Main.REJECTED);
        assertImport(target, "allegation", allegations, 0);
    }

    private static void assertImport(String target, String type, Path file, int expectedCode) {
        CliRun run = CliRun.of("import", "--type", type, "--db", target, file.toString());
        assertThat(run.code()).as(run.all()).isEqualTo(expectedCode);
    }

    /** {@value #ROWS} fatalities over eight years and five missions; the first three revise the baseline's. */
    static Path bigFatalityFile(Path file) throws IOException {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < ROWS; i++) {
            String mission = MISSIONS.get(i % MISSIONS.size());
            int year = 2015 + (i / 5) % 8;
            int month = 1 + (i / 40) % 12;
            if (i < 3) {
                year = 2016;
                month = 1;
            }
            csv.append(String.format("%s-%d-%02d-%06d,%d-%02d-%02d,%s,%s,%s,M,BGD,Person %d%n", mission, year, month, i, year, month,
                    15 + i % 13, mission, i % 2 == 0 ? "police" : "military", i % 4 < 2 ? "accident" : "malicious_act", i));
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    /** Runs the import to its end in a child JVM, checks it accepted every row, and says how long it took. */
    private Duration timedImport(String target, Path big) throws Exception {
        Path log = Files.createTempFile(folder, "complete-", ".log");
        long started = System.nanoTime();
        Process child = startImport(target, big, log);
        try {
            assertThat(child.waitFor(IMPORT_LIMIT.toMillis(), TimeUnit.MILLISECONDS)).as("the import finished").isTrue();
        } finally {
            child.destroyForcibly();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String output = Files.readString(log);
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains(ROWS + " rows read: " + (ROWS - 3) + " added, 3 revised, 0 unchanged, 0 retired");
        return took;
    }

    static Process startImport(String target, Path file, Path log) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "import", "--type", "fatality", "--db", target, file.toString());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitKillPoint(Process child, KillPoint point, String target, boolean postgres) throws Exception {
        long deadline = System.nanoTime() + IMPORT_LIMIT.toNanos();
        if (point.size() > 0) {
            Path file = Path.of(target, "a4p.mv.db");
            while (child.isAlive() && System.nanoTime() < deadline) {
                if (Files.size(file) >= point.size()) {
                    return;
                }
                Thread.sleep(2);
            }
            throw new AssertionError("the import ended before " + file + " reached " + point.size() + " bytes");
        }
        if (point.statement() == null) {
            child.waitFor(point.after().toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        try (Connection watcher = DriverManager.getConnection(target); Statement statement = watcher.createStatement()) {
            while (child.isAlive() && System.nanoTime() < deadline) {
                try (ResultSet active = statement.executeQuery("SELECT query FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND pid <> pg_backend_pid() AND state IN ('active', 'idle in transaction')")) {
                    while (active.next()) {
                        if (point.statement().matcher(active.getString(1)).find()) {
                            return;
                        }
                    }
                }
                Thread.sleep(1);
            }
        }
        throw new AssertionError("the import never ran a statement matching " + point.statement() + " before it ended");
    }

    /**
     * Every table of the database, each as its row count and a SHA-256 over its rows in a stable
     * order, and the audit trail's head once the whole chain is verified.
     */
    record DatabaseState(Map<String, String> tables, AuditEntry.Head audit) {
        String table(String name) {
            return tables.get(name);
        }

        static DatabaseState of(String target) throws SQLException {
            try (Database database = Database.open(target)) {
                VerifyAudit.Report report = new VerifyAudit(database.dataSource()).run(new VerifyAudit.Request(null))
                        .orElseThrow(failure -> new IllegalStateException(failure.message()));
                assertThat(report.broken()).as("audit chain").isEmpty();
                return new DatabaseState(TableDigests.of(database.dataSource()), report.head());
            }
        }
    }
}
