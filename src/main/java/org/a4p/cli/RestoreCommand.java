package org.a4p.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.a4p.app.App;
import org.a4p.audit.VerifyAudit;
import org.a4p.backup.RestoreDatabase;
import org.a4p.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "restore", description = {"Loads a backup into an EMPTY database (a new --db folder, or an empty PostgreSQL database), all",
        "or nothing, checking every table against the backup's manifest, then verifies the audit trail."})
final class RestoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A file written by ./a4p backup.")
    Path file;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        DatabaseOptions options = Main.database(spec);
        var pack = App.loadPack(options.pack);
        // The database alone, migrated as the app's start migrates it: starting the app would write to the audit trail.
        try (Database database = Database.open(options.target())) {
            RestoreDatabase.Restored restored = new RestoreDatabase(pack, database)
                    .run(new RestoreDatabase.Request(file), new ProgressBar(System.err)).orElseThrow(Refused::new);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Restored %d tables, %,d rows (schema version %s) from %s into %s in %.1f s; every table's rows and SHA-256 match.%n",
                    restored.tables(), restored.rows(), restored.schemaVersion(), restored.file(), database.label(),
                    (System.nanoTime() - started) / 1e9);
            VerifyAudit.Report audit = restored.audit();
            if (audit.broken().isPresent()) {
                out.printf("audit trail BROKEN at entry %d: %s%n", audit.broken().get().seq(), audit.broken().get().message());
                return Main.REJECTED;
            }
            out.printf("audit trail intact: %,d entries; head %s%n", audit.entries(), audit.head());
            return Main.OK;
        }
    }
}
