package org.a4p.cli;

import java.nio.file.Path;
import org.a4p.app.App;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The options every command that touches the store shares. They are inherited, so they may stand
 * before or after the command's name: {@code a4p --db X scorecard} or {@code a4p scorecard --db X}.
 */
final class DatabaseOptions {
    @Option(names = "--db", paramLabel = "URL|DIR", scope = ScopeType.INHERIT,
            description = "JDBC URL (jdbc:postgresql://...) or folder of the H2 database. Default: $A4P_DB_URL, else ./data")
    String db;

    @Option(names = "--pack", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Use the framework pack in this folder instead of the bundled one.")
    Path pack;

    String target() {
        if (db != null) {
            return db;
        }
        String env = System.getenv("A4P_DB_URL");
        return env == null || env.isBlank() ? "data" : env;
    }

    App open() {
        return App.open(target(), pack);
    }
}
