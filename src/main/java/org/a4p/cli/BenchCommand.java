package org.a4p.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import org.a4p.app.Json;
import org.a4p.bench.Bench;
import org.a4p.bench.BenchReport;
import org.a4p.bench.BenchText;
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

    @Option(names = "--scale", paramLabel = "10m", description = "Shorthand for --records: 10m is 10,000,000 (k and m suffixes).")
    String scale;

    @Option(names = "--api-rate", defaultValue = "200", paramLabel = "N", description = "Requests per second to the overview API, sent on a fixed"
            + " timetable from this process to the server in a child process on loopback (default ${DEFAULT-VALUE}).")
    int apiRate;

    @Option(names = "--api-seconds", defaultValue = "15", paramLabel = "S", description = "Seconds of counted API load (default ${DEFAULT-VALUE}).")
    int apiSeconds;

    @Option(names = "--api-warmup", defaultValue = "5", paramLabel = "S", description = "Seconds of API load before, not counted (default ${DEFAULT-VALUE}).")
    int apiWarmup;

    @Option(names = "--repeat", defaultValue = "3", description = "Runs of each timed refresh (default ${DEFAULT-VALUE}); the median and every run are reported.")
    int repeat;

    enum Format { text, json }

    @Option(names = "--format", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws IOException, SQLException, InterruptedException {
        if (scale != null) {
            records = scaled(scale);
        }
        if (apiRate < 1 || apiSeconds < 1 || apiWarmup < 0) {
            throw new UsageProblem("--api-rate and --api-seconds must be at least 1, --api-warmup at least 0");
        }
        if (records < 4) {
            throw new UsageProblem("--records must be at least 4");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path folder = Files.createTempDirectory("a4p-bench");
        try {
            String target = target(Main.database(spec).db, folder);
            BenchReport report = new Bench(target, target.replace(NO_REUSE, ""), folder, records, repeat, apiRate, apiWarmup, apiSeconds).run();
            if (format == Format.json) {
                out.println(Json.pretty(report));
                out.flush();
            } else {
                BenchText.print(report, out);
            }
        } finally {
            deleteTree(folder);
        }
        return Main.OK;
    }

    static int scaled(String scale) {
        String text = scale.strip().toLowerCase(java.util.Locale.ROOT);
        long factor = text.endsWith("m") ? 1_000_000 : text.endsWith("k") ? 1_000 : 1;
        try {
            long value = Long.parseLong(factor == 1 ? text : text.substring(0, text.length() - 1)) * factor;
            if (value > Integer.MAX_VALUE) {
                throw new UsageProblem("--scale " + scale + ": at most " + Integer.MAX_VALUE + " records");
            }
            return (int) value;
        } catch (NumberFormatException e) {
            throw new UsageProblem("--scale " + scale + ": expected a count like 10m, 500k or 2000");
        }
    }

    /**
     * The database to bench: the given one, else H2 in the temporary folder. On H2, result reuse is
     * off: H2 would otherwise answer a repeated query over unchanged tables from its last result.
     */
    static String target(String db, Path folder) {
        if (db == null) {
            return "jdbc:h2:file:" + folder.resolve("db").resolve("a4p") + NO_REUSE;
        }
        if (db.startsWith("jdbc:h2:")) {
            return db + NO_REUSE;
        }
        if (db.startsWith("jdbc:")) {
            return db;
        }
        return "jdbc:h2:file:" + Path.of(db).toAbsolutePath().normalize().resolve("a4p") + NO_REUSE;
    }

    private static final String NO_REUSE = ";OPTIMIZE_REUSE_RESULTS=FALSE";

    private static void deleteTree(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

}
