package org.a4p.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.jdbi.v3.core.Jdbi;

/**
 * The connection to the record store: an H2 file database by default, PostgreSQL when given a
 * {@code jdbc:postgresql:} URL. Opening it applies the core migrations.
 *
 * <p>An H2 file database is opened in H2's mixed mode ({@code AUTO_SERVER=TRUE}): the first process
 * to open it serves it to the others over TCP, so CLI commands still work while {@code a4p serve}
 * holds the file. That TCP server listens on the loopback address only (unless
 * {@code -Dh2.bindAddress} says otherwise) and asks for a random key kept in the lock file.
 */
public final class Database implements AutoCloseable {
    public static final String DEFAULT_FOLDER = "data";
    /**
     * PostgreSQL's dialect, and a lock wait of two minutes instead of H2's one second: an import
     * waits for a release being published or another import of its type (PostgreSQL waits unbounded).
     */
    private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=120000";
    private static final String H2_FILE_OPTIONS = ";AUTO_SERVER=TRUE";

    static {
        // Read once by H2 when it first starts a server, so set before any H2 file is opened.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final Jdbi jdbi;
    private final String label;
    /** The folder of an H2 file database, else null. */
    private final Path folder;
    private final Flyway flyway;

    /** The environment variable that sizes the connection pool (default {@value #DEFAULT_POOL_SIZE}). */
    public static final String POOL_SIZE_ENV = "A4P_DB_POOL_SIZE";
    static final int DEFAULT_POOL_SIZE = 4;
    /**
     * How long a caller waits for a connection before failing (HikariCP's default is 30 s): long
     * enough for a busy pool to free one, short enough that a request fails with an answer when
     * the database is away rather than holding its client half a minute.
     */
    static final long CONNECTION_TIMEOUT_MILLIS = 5_000;

    /**
     * The pool's size: {@code A4P_DB_POOL_SIZE} when set, else 4, which a command and a small
     * server need. A server that streams whole releases (each download holds a connection for as
     * long as it runs) wants more; PostgreSQL's own max_connections bounds the sum over instances.
     */
    static int poolSize(String setting) {
        if (setting == null || setting.isBlank()) {
            return DEFAULT_POOL_SIZE;
        }
        try {
            int size = Integer.parseInt(setting.strip());
            if (size >= 1 && size <= 500) {
                return size;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(POOL_SIZE_ENV + ": expected a whole number of connections from 1 to 500, got '" + setting + "'");
    }

    private Database(String url, String user, String password, String label) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
            config.setPassword(password);
        }
        config.setMaximumPoolSize(poolSize(System.getenv(POOL_SIZE_ENV)));
        config.setPoolName("a4p");
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        this.dataSource = new HikariDataSource(config);
        this.dialect = Dialect.ofUrl(url);
        this.jdbi = Jdbi.create(dataSource);
        this.label = label;
        this.folder = url.startsWith("jdbc:h2:file:") ? Path.of(url.substring("jdbc:h2:file:".length()).split(";", 2)[0]).toAbsolutePath().getParent() : null;
        this.flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
        flyway.migrate();
    }

    /**
     * Opens the database named by {@code target}: a JDBC URL ({@code jdbc:postgresql://...} or
     * {@code jdbc:h2:...}) or a folder that holds (or will hold) the H2 file {@code a4p.mv.db}.
     */
    public static Database open(String target) {
        if (target == null || target.isBlank()) {
            target = DEFAULT_FOLDER;
        }
        if (target.startsWith("jdbc:h2:")) {
            String url = target.startsWith("jdbc:h2:file:") && !target.toUpperCase(java.util.Locale.ROOT).contains("AUTO_SERVER=")
                    ? target + H2_FILE_OPTIONS : target;
            url = url.contains("MODE=") ? url : url + H2_OPTIONS;
            return new Database(url, null, null, target);
        }
        if (target.startsWith("jdbc:postgresql:")) {
            // Batched inserts become multi-row INSERTs: several times faster for imports.
            String url = target.contains("reWriteBatchedInserts") ? target
                    : target + (target.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
            return new Database(url, null, null, redact(target));
        }
        if (target.startsWith("jdbc:")) {
            return new Database(target, null, null, redact(target));
        }
        Path folder = Path.of(target).toAbsolutePath().normalize();
        return new Database("jdbc:h2:file:" + folder.resolve("a4p") + H2_FILE_OPTIONS + H2_OPTIONS, null, null, folder + " (H2)");
    }

    /** The URL without its password, for messages and logs. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*:[^/@]*@", "//***@");
    }

    /**
     * Whether the database answers and holds every migration this build ships. Does not throw:
     * an unreachable database is a value, with the cause for the log (it may name hosts).
     */
    public Readiness readiness() {
        try {
            MigrationInfoService info = flyway.info();
            String failed = Arrays.stream(info.all()).filter(m -> m.getState().isFailed()).map(Database::name)
                    .collect(Collectors.joining(", "));
            if (!failed.isEmpty()) {
                return Readiness.notReady("migrations failed: " + failed, null);
            }
            // Pending, and also ignored: one missing below the latest applied (deleted from the history, say).
            String pending = Arrays.stream(info.all()).filter(m -> m.getState().isResolved() && !m.getState().isApplied())
                    .map(Database::name).collect(Collectors.joining(", "));
            return pending.isEmpty() ? Readiness.READY : Readiness.notReady("migrations not applied: " + pending, null);
        } catch (RuntimeException e) {
            return Readiness.notReady("the database is not reachable", e);
        }
    }

    /** The version of the latest migration applied ("7"): the schema's version, which a backup records. */
    public String schemaVersion() {
        MigrationInfo current = flyway.info().current();
        return current == null ? "0" : current.getVersion().getVersion();
    }

    private static String name(MigrationInfo migration) {
        return "V" + migration.getVersion() + " " + migration.getDescription();
    }

    /** The bytes free on the disk of an H2 file database; unbounded for a server database. */
    public long usableSpace() {
        if (folder == null) {
            return Long.MAX_VALUE;
        }
        try {
            return java.nio.file.Files.getFileStore(folder).getUsableSpace();
        } catch (java.io.IOException | RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Whether the disk of an H2 file database has less than {@value #NEARLY_FULL_BYTES} bytes free.
     * H2 reports a full disk in its background writer, and a statement that fails after it may name
     * only a short read; a write that failed on a disk this full failed for want of space.
     */
    public boolean diskNearlyFull() {
        return usableSpace() < NEARLY_FULL_BYTES;
    }

    static final long NEARLY_FULL_BYTES = 16L * 1024 * 1024;

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    public String label() {
        return label;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
