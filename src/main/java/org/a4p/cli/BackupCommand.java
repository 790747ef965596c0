package org.a4p.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.a4p.app.App;
import org.a4p.backup.BackupDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "backup", description = {"Writes every table of the database to one file, read in one consistent snapshot: safe while the",
        "server runs. ./a4p restore FILE loads it into an empty database."})
final class BackupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The backup file to write (a zip); it must not exist.")
    Path out;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        try (App app = Main.database(spec).open()) {
            BackupDatabase.Backup backup = new BackupDatabase(app.pack(), app.database(), app.clock())
                    .run(new BackupDatabase.Request(out), new ProgressBar(System.err)).orElseThrow(Refused::new);
            PrintWriter print = spec.commandLine().getOut();
            print.printf("Backed up %d tables, %,d rows (schema version %s) to %s: %,d bytes in %.1f s.%n", backup.tables(), backup.rows(),
                    backup.schemaVersion(), backup.file(), backup.bytes(), (System.nanoTime() - started) / 1e9);
            return Main.OK;
        }
    }
}
