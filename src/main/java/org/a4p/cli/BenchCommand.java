package org.a4p.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import org.a4p.bench.Bench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", description = {
        "Benchmark: generates records, imports them through the validating importer, recomputes every indicator,",
        "and compares the refresh with the same aggregations written by hand in SQL over the same tables.",
        "Runs on a fresh H2 database in a temporary folder unless --db names another (give an empty one)."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--records", defaultValue = "1000000", description = "Records to generate, split over four record types (default ${DEFAULT-VALUE}).")
    int records;

    @Option(names = "--repeat", defaultValue = "3", description = "Runs of each timed refresh (default ${DEFAULT-VALUE}); the median is reported.")
    int repeat;

    @Override
    public Integer call() throws IOException, SQLException {
        if (records < 4) {
            throw new UsageProblem("--records must be at least 4");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path folder = Files.createTempDirectory("a4p-bench");
        try {
            // H2 would otherwise answer a repeated identical query from its result cache, flattering both sides.
            String db = Main.database(spec).db;
            String target = db != null ? db : "jdbc:h2:file:" + folder.resolve("db").resolve("a4p") + ";OPTIMIZE_REUSE_RESULTS=FALSE";
            new Bench(target, folder, records, repeat, out).run();
        } finally {
            deleteTree(folder);
        }
        return Main.OK;
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

}
