package org.a4p.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.a4p.app.App;
import org.a4p.db.Dialect;
import org.a4p.indicators.Grain;
import org.a4p.indicators.IndicatorValue;
import org.a4p.indicators.ValueQuery;
import org.a4p.ingest.ImportFile;
import org.a4p.ingest.ImportOutcome;
import org.a4p.ingest.ImportRequest;
import org.a4p.ingest.Progress;
import org.a4p.pack.RecordType;
import org.a4p.progress.ScorecardBuilder;

/**
 * The benchmark behind {@code a4p bench}: import throughput against a raw JDBC batch of the same
 * rows, the full refresh against hand-written SQL over the same tables (alternating, so both are
 * cold and warm alike, and checked to compute the same totals), the refresh after one mission-month
 * submission, in-process scorecard reads and the heap's peak.
 */
public final class Bench {
    private static final String[] TYPES = {"fatality", "personnel", "allegation", "site_environment"};

    private final String database;
    private final Path folder;
    private final int records;
    private final int repeat;

    public Bench(String database, Path folder, int records, int repeat) {
        this.database = database;
        this.folder = folder;
        this.records = records;
        this.repeat = repeat;
    }

    public BenchReport run() throws IOException, SQLException {
        try (HeapPeak heap = new HeapPeak(); App app = App.open(database, null)) {
            BenchData data = new BenchData(app.pack().orgUnits());
            int each = records / 4;
            Path[] files = {
                data.fatalities(folder, records - 3 * each), data.personnel(folder, each),
                data.allegations(folder, each), data.siteAssessments(folder, each)};
            List<BenchReport.ImportRun> imports = new ArrayList<>();
            for (int i = 0; i < TYPES.length; i++) {
                long start = System.nanoTime();
                ImportOutcome.Accepted accepted = accepted(app.importer().run(new ImportRequest(TYPES[i], null,
                        List.of(ImportFile.of(files[i])), false, true, "bench"), Progress.NONE));
                imports.add(importRun(TYPES[i], accepted.submissions().get(0).rowsRead(), System.nanoTime() - start));
            }
            List<BenchReport.ImportRun> rawImports = rawImports(app, files);

            List<Double> product = new ArrayList<>();
            List<Double> reference = new ArrayList<>();
            List<ReferenceAggregations.Totals> totals = new ArrayList<>();
            ReferenceAggregations aggregations = new ReferenceAggregations(app.database().dialect());
            for (int r = 0; r < repeat; r++) {
                // Alternate which side goes first, so neither always finds the pages the other just read.
                if (r % 2 == 0) {
                    product.add(fullRefresh(app));
                    reference.add(reference(app, aggregations, r, totals));
                } else {
                    reference.add(reference(app, aggregations, r, totals));
                    product.add(fullRefresh(app));
                }
            }
            ReferenceCheck.Outcome check;
            try (Connection connection = app.database().dataSource().getConnection()) {
                check = ReferenceCheck.compare(connection, totals.get(0));
            }
            boolean runsAgree = totals.stream().allMatch(t -> t.values().equals(totals.get(0).values()));

            List<Double> incremental = new ArrayList<>();
            String submission = "";
            // As many records as an average mission-month holds, so the plausibility rules accept it unflagged.
            int monthRows = Math.max(1, (records - 3 * each) / (data.missionCount() * BenchData.MONTHS));
            for (int r = 0; r < repeat; r++) {
                YearMonth month = YearMonth.of(2024, 1 + r % 12);
                BenchData.MissionMonth file = data.missionMonth(folder, r, month, monthRows);
                ImportOutcome.Accepted accepted = accepted(app.importer().run(new ImportRequest("fatality", null,
                        List.of(ImportFile.of(file.path())), false, true, "bench"), Progress.NONE));
                incremental.add(accepted.timings().refresh() / 1e3);
                submission = "fatality, " + monthRows + " new records of one mission in one month per run (last: "
                        + file.mission() + " " + month + "); the refresh the import ran, from the importer's timings (ms)";
            }
            List<Double> reads = scorecardReads(app);

            long importRows = imports.stream().mapToLong(BenchReport.ImportRun::rows).sum();
            double importRate = importRows / imports.stream().mapToDouble(BenchReport.ImportRun::seconds).sum();
            double rawRate = rawImports.stream().mapToLong(BenchReport.ImportRun::rows).sum()
                    / rawImports.stream().mapToDouble(BenchReport.ImportRun::seconds).sum();
            double fullRefresh = Runs.median(product);
            double fullReference = Runs.median(reference);
            return new BenchReport(records, app.database().dialect() == Dialect.POSTGRES ? "postgresql" : "h2",
                    new BenchReport.Machine(Runtime.getRuntime().availableProcessors(), HeapPeak.maxHeapMegabytes(),
                            System.getProperty("java.version")),
                    "import: the product's four files, then the reference's raw batches of the same files; full refresh: "
                            + repeat + " runs each, product and reference alternating (product first in odd-numbered runs)",
                    importRows, importRate, imports, rawRate, rawImports, importRate / rawRate,
                    fullRefresh, product, fullReference, reference, fullRefresh / fullReference,
                    totals.get(0).groupedRows(), runsAgree, check,
                    Runs.median(incremental), incremental, submission,
                    Runs.percentile(reads, 50), Runs.percentile(reads, 99), reads.size(),
                    null, null, null, null, heap.megabytes(), List.of(
                            new BenchReport.NotMeasured("api_p50_ms", "no load generator yet: the overview API under concurrent load"
                                    + " from a separate process on loopback is not built; scorecard_read_* are in-process reads, not HTTP"),
                            new BenchReport.NotMeasured("api_p99_ms", "as api_p50_ms"),
                            new BenchReport.NotMeasured("api_request_rate_per_s", "as api_p50_ms"),
                            new BenchReport.NotMeasured("report_s", "the Member State report is not timed by the bench yet")));
        }
    }

    private static ImportOutcome.Accepted accepted(ImportOutcome outcome) {
        if (outcome instanceof ImportOutcome.Accepted accepted) {
            return accepted;
        }
        throw new IllegalStateException("generated data was rejected: " + ((ImportOutcome.Rejected) outcome).errors().get(0).message());
    }

    private static BenchReport.ImportRun importRun(String type, long rows, long nanos) {
        double seconds = nanos / 1e9;
        return new BenchReport.ImportRun(type, rows, seconds, rows / seconds);
    }

    private static List<BenchReport.ImportRun> rawImports(App app, Path[] files) throws SQLException, IOException {
        RawImport raw = new RawImport(app.database().dialect());
        List<BenchReport.ImportRun> runs = new ArrayList<>();
        try (Connection connection = app.database().dataSource().getConnection()) {
            connection.setAutoCommit(false);
            for (int i = 0; i < TYPES.length; i++) {
                RecordType type = app.pack().recordType(TYPES[i]).orElseThrow();
                long start = System.nanoTime();
                long rows = raw.run(connection, type, files[i]);
                runs.add(importRun(TYPES[i], rows, System.nanoTime() - start));
                raw.drop(connection, type);
            }
            connection.setAutoCommit(true);
        }
        return runs;
    }

    private static double fullRefresh(App app) throws SQLException {
        try (Connection connection = app.database().dataSource().getConnection()) {
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            app.engine().refreshAll(connection);
            connection.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            connection.setAutoCommit(true);
            return seconds;
        }
    }

    private static double reference(App app, ReferenceAggregations aggregations, int run, List<ReferenceAggregations.Totals> totals)
            throws SQLException {
        try (Connection connection = app.database().dataSource().getConnection()) {
            long start = System.nanoTime();
            totals.add(aggregations.run(connection, run));
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** 250 scorecard reads after 50 warm-up, in milliseconds, sorted. */
    private static List<Double> scorecardReads(App app) throws SQLException {
        ScorecardBuilder builder = new ScorecardBuilder(app.pack());
        List<Double> latencies = new ArrayList<>();
        String[] units = {app.pack().orgUnits().defaultScope(), "MINUSCA", "MONUSCO", "UNMISS", "UNIFIL"};
        ValueQuery query = new ValueQuery();
        for (int i = 0; i < 300; i++) {
            String unit = units[i % units.length];
            long start = System.nanoTime();
            try (Connection connection = app.database().dataSource().getConnection()) {
                List<IndicatorValue> yearly = query.find(connection, new ValueQuery.Filter(null, unit, null, Grain.YEAR, true));
                builder.build(unit, builder.defaultYear(yearly), yearly);
            }
            if (i >= 50) {
                latencies.add((System.nanoTime() - start) / 1e6);
            }
        }
        latencies.sort(Double::compare);
        return latencies;
    }
}
