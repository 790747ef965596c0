package org.a4p.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The connection to the record store: an H2 file database by default, PostgreSQL when given a
 * {@code jdbc:postgresql:} URL. Opening it applies the core migrations.
 */
public final class Database implements AutoCloseable {
    public static final String DEFAULT_FOLDER = "data";
    private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final Jdbi jdbi;
    private final String label;

    private Database(String url, String user, String password, String label) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
            config.setPassword(password);
        }
        config.setMaximumPoolSize(4);
        config.setPoolName("a4p");
        this.dataSource = new HikariDataSource(config);
        this.dialect = Dialect.ofUrl(url);
        this.jdbi = Jdbi.create(dataSource);
        this.label = label;
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
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
            String url = target.contains("MODE=") ? target : target + H2_OPTIONS;
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
        return new Database("jdbc:h2:file:" + folder.resolve("a4p") + H2_OPTIONS, null, null, folder + " (H2)");
    }

    /** The URL without its password, for messages and logs. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*:[^/@]*@", "//***@");
    }

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
