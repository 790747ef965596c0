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
    private final String serverDatabase;
    private final Path folder;
    private final int records;
    private final int repeat;
    private final OpenLoopLoad.Settings load;

    /** {@code serverDatabase}: the same database as the server would be told it (on H2, without the bench's result-reuse switch). */
    public Bench(String database, String serverDatabase, Path folder, int records, int repeat, int apiRate, int apiWarmupS, int apiSeconds) {
        this.database = database;
        this.serverDatabase = serverDatabase;
        this.folder = folder;
        this.records = records;
        this.repeat = repeat;
        this.load = new OpenLoopLoad.Settings(apiRate, apiWarmupS, apiSeconds);
    }

    public BenchReport run() throws IOException, SQLException, InterruptedException {
        try (HeapPeak heap = new HeapPeak()) {
            BenchReport inProcess = inProcess(heap);
            return withApi(inProcess, api(inProcess.database()));
        }
    }

    /** Everything but the API, on the bench's own App, which is closed before the server starts. */
    private BenchReport inProcess(HeapPeak heap) throws IOException, SQLException {
        try (App app = App.open(database, null)) {
            BenchData data = new BenchData(app.pack().orgUnits());
            int each = records / 4;
            Path[] files = {
                data.fatalities(folder, records - 3 * each), data.personnel(folder, each),
                data.allegations(folder, each), data.siteAssessments(folder, each)};
            List<BenchReport.ImportRun> imports = new ArrayList<>();
            List<Long> submissions = new ArrayList<>();
            for (int i = 0; i < TYPES.length; i++) {
                long start = System.nanoTime();
                ImportOutcome.Accepted accepted = accepted(app.importer().run(new ImportRequest(TYPES[i], null,
                        List.of(ImportFile.of(files[i])), false, true, "bench"), Progress.NONE));
                imports.add(importRun(TYPES[i], accepted.submissions().get(0).rowsRead(), System.nanoTime() - start));
                accepted.submissions().forEach(sub -> submissions.add(sub.id()));
            }
            boolean postgres = app.database().dialect() == Dialect.POSTGRES;
            List<BenchReport.ImportRun> rawImports = rawImports(app, files, false);
            List<BenchReport.ImportRun> copyImports = postgres ? rawImports(app, files, true) : null;

            List<Double> product = new ArrayList<>();
            List<Double> rebuild = new ArrayList<>();
            List<Double> reference = new ArrayList<>();
            List<ReferenceAggregations.Totals> totals = new ArrayList<>();
            ReferenceAggregations aggregations = new ReferenceAggregations(app.database().dialect());
            for (int r = 0; r < repeat; r++) {
                // Alternate which side goes first, so neither always finds the pages the other just read.
                // The rebuild reads every record, as the reference does; the full refresh rolls up the stored partials.
                if (r % 2 == 0) {
                    product.add(fullRefresh(app, false));
                    rebuild.add(fullRefresh(app, true));
                    reference.add(reference(app, aggregations, r, totals));
                } else {
                    reference.add(reference(app, aggregations, r, totals));
                    rebuild.add(fullRefresh(app, true));
                    product.add(fullRefresh(app, false));
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
                accepted.submissions().forEach(sub -> submissions.add(sub.id()));
                submission = "fatality, " + monthRows + " new records of one mission in one month per run (last: "
                        + file.mission() + " " + month + "); the refresh the import ran, from the importer's timings (ms)";
            }
            List<Double> reads = scorecardReads(app);
            ReportTiming.Outcome report = ReportTiming.run(app, submissions, repeat);
            missionCodes = data.missionCodes();
            defaultScope = app.pack().orgUnits().defaultScope();

            long importRows = imports.stream().mapToLong(BenchReport.ImportRun::rows).sum();
            double importRate = importRows / imports.stream().mapToDouble(BenchReport.ImportRun::seconds).sum();
            double batchRate = rate(rawImports);
            Double copyRate = copyImports == null ? null : rate(copyImports);
            double referenceRate = copyRate == null ? batchRate : copyRate;
            double fullRefresh = Runs.median(product);
            double fullReference = Runs.median(reference);
            return new BenchReport(records, postgres ? "postgresql" : "h2",
                    new BenchReport.Machine(Runtime.getRuntime().availableProcessors(), HeapPeak.maxHeapMegabytes(),
                            System.getProperty("java.version")),
                    "import: the product's four files, then the reference's raw batches of the same files"
                            + (postgres ? ", then the same rows by COPY" : "") + "; full refresh: " + repeat
                            + " runs each of the product's refresh from its partials, its rebuild from every record and the reference, alternating (product first in odd-numbered runs); then approval of the bench's"
                            + " submissions, one release, the report; then the bench's database is closed and the API server started",
                    importRows, importRate, imports, referenceRate, copyImports == null ? rawImports : copyImports,
                    postgres ? "postgresql_copy" : "jdbc_batch", batchRate, rawImports, copyRate, copyImports, importRate / referenceRate,
                    fullRefresh, product, fullReference, reference, fullRefresh / fullReference,
                    Runs.median(rebuild), rebuild, Runs.median(rebuild) / fullReference,
                    totals.get(0).groupedRows(), runsAgree, check,
                    Runs.median(incremental), incremental, submission,
                    Runs.percentile(reads, 50), Runs.percentile(reads, 99), reads.size(),
                    null, null, null, null, Runs.median(report.pdfRunsS()), report.pdfRunsS(), Runs.median(report.htmlRunsS()),
                    report.htmlRunsS(), "org.a4p.report.MakeReport, English, year " + ReportTiming.YEAR + ", default scope, from release 1 ("
                            + report.releaseValues() + " values; PDF of " + report.pdfBytes() + " bytes): report_s is the PDF, report_html_s the HTML",
                    report.publishS(), report.approveS(), heap.megabytes(), List.of());
        }
    }

    private List<String> missionCodes = List.of();
    private String defaultScope;

    private static double rate(List<BenchReport.ImportRun> runs) {
        return runs.stream().mapToLong(BenchReport.ImportRun::rows).sum() / runs.stream().mapToDouble(BenchReport.ImportRun::seconds).sum();
    }

    /** The overview API (the home page's scorecard, as an anonymous reader gets it) over the default scope and four missions. */
    private BenchReport.Api api(String dialect) throws IOException, InterruptedException {
        List<String> paths = new ArrayList<>();
        paths.add("/api/v1/scorecards?org_unit=" + defaultScope);
        missionCodes.stream().limit(4).forEach(code -> paths.add("/api/v1/scorecards?org_unit=" + code));
        ServerProcess server = ServerProcess.start(serverDatabase, (long) HeapPeak.maxHeapMegabytes(), folder);
        OpenLoopLoad.Outcome outcome;
        try {
            outcome = new OpenLoopLoad(load).run(server.url(), paths);
        } finally {
            server.close();
        }
        String note = dialect.equals("h2")
                ? "; on H2 the bench closes its database first, so the server opens the file itself (with the bench's App open, AUTO_SERVER"
                        + " would let it connect, but its SQL would then run in the load generator's JVM)" : "";
        apiOutcome = outcome;
        return new BenchReport.Api(server.describe() + note, "GET /api/v1/scorecards?org_unit=...", load.ratePerS(), load.warmupS(),
                load.seconds(), outcome.requests(), outcome.achievedRatePerS(), outcome.maxMs(), outcome.non2xx(), outcome.errors(),
                outcome.maxSendLagMs(), outcome.mix(), outcome.errorSamples(), server.stopped());
    }

    private OpenLoopLoad.Outcome apiOutcome;

    private BenchReport withApi(BenchReport r, BenchReport.Api api) {
        return new BenchReport(r.records(), r.database(), r.machine(), r.order(), r.importRows(), r.importRowsPerS(), r.importRuns(),
                r.importReferenceRowsPerS(), r.importReferenceRuns(), r.importReferenceMethod(), r.importBatchRowsPerS(), r.importBatchRuns(),
                r.importCopyRowsPerS(), r.importCopyRuns(), r.ratioImport(), r.fullRefreshS(), r.fullRefreshRunsS(), r.fullRefreshReferenceS(),
                r.fullRefreshReferenceRunsS(), r.ratioFullRefresh(), r.fullRebuildS(), r.fullRebuildRunsS(), r.ratioFullRebuild(), r.referenceGroupedRows(), r.referenceRunsAgree(), r.referenceCheck(),
                r.incrementalRefreshS(), r.incrementalRefreshRunsS(), r.incrementalSubmission(), r.scorecardReadP50Ms(), r.scorecardReadP99Ms(),
                r.scorecardReads(), apiOutcome.p50Ms(), apiOutcome.p99Ms(), (double) load.ratePerS(), api, r.reportS(), r.reportRunsS(),
                r.reportHtmlS(), r.reportHtmlRunsS(), r.report(), r.releasePublishS(), r.approveS(), r.peakHeapMb(), r.notMeasured());
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

    /** The reference imports: the raw batch, or with {@code copy} PostgreSQL's COPY, of the same files. */
    private static List<BenchReport.ImportRun> rawImports(App app, Path[] files, boolean copy) throws SQLException, IOException {
        RawImport raw = new RawImport(app.database().dialect());
        CopyImport copier = new CopyImport(raw);
        List<BenchReport.ImportRun> runs = new ArrayList<>();
        try (Connection connection = app.database().dataSource().getConnection()) {
            connection.setAutoCommit(false);
            for (int i = 0; i < TYPES.length; i++) {
                RecordType type = app.pack().recordType(TYPES[i]).orElseThrow();
                long start = System.nanoTime();
                long rows = copy ? copier.run(connection, type, files[i]) : raw.run(connection, type, files[i]);
                runs.add(importRun(TYPES[i], rows, System.nanoTime() - start));
                raw.drop(connection, type);
            }
            connection.setAutoCommit(true);
        }
        return runs;
    }

    /** A full refresh from the stored partials, or with {@code rebuild} from every record. */
    private static double fullRefresh(App app, boolean rebuild) throws SQLException {
        try (Connection connection = app.database().dataSource().getConnection()) {
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            if (rebuild) {
                app.engine().rebuildAll(connection);
            } else {
                app.engine().refreshAll(connection);
            }
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
