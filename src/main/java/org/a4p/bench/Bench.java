package org.a4p.bench;

import org.a4p.indicators.Grain;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.a4p.app.App;
import org.a4p.db.Dialect;
import org.a4p.indicators.IndicatorEngine;
import org.a4p.indicators.IndicatorValue;
import org.a4p.indicators.ValueQuery;
import org.a4p.ingest.ImportFile;
import org.a4p.ingest.ImportOutcome;
import org.a4p.ingest.ImportRequest;
import org.a4p.ingest.Progress;
import org.a4p.progress.ScorecardBuilder;

/**
 * The benchmark behind {@code a4p bench}: import throughput, full and incremental refresh times,
 * the refresh against hand-written SQL over the same tables, and scorecard read latency.
 */
public final class Bench {
    private final String database;
    private final Path folder;
    private final int records;
    private final int repeat;
    private final PrintWriter out;

    public Bench(String database, Path folder, int records, int repeat, PrintWriter out) {
        this.database = database;
        this.folder = folder;
        this.records = records;
        this.repeat = repeat;
        this.out = out;
    }

    public void run() throws IOException, SQLException {
        try (App app = App.open(database, null)) {
            out.printf("A4P+ Monitor benchmark: %,d records on %s, %d cores, Java %s%n", records, app.database().label(),
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            BenchData data = new BenchData(app.pack().orgUnits());
            int each = records / 4;
            Path[] files = {
                data.fatalities(folder, records - 3 * each), data.personnel(folder, each),
                data.allegations(folder, each), data.siteAssessments(folder, each)};
            String[] types = {"fatality", "personnel", "allegation", "site_environment"};
            long importNanos = 0;
            long imported = 0;
            out.println();
            out.println("Import (CSV, every row validated, one transaction per file, indicators refreshed for the years touched):");
            for (int i = 0; i < types.length; i++) {
                long start = System.nanoTime();
                ImportOutcome outcome = app.importer().run(new ImportRequest(types[i], null, List.of(ImportFile.of(files[i])),
                        false, true, "bench"), Progress.NONE);
                long nanos = System.nanoTime() - start;
                if (!(outcome instanceof ImportOutcome.Accepted accepted)) {
                    throw new IllegalStateException("generated data was rejected: " + ((ImportOutcome.Rejected) outcome).errors().get(0).message());
                }
                int rows = accepted.submissions().get(0).rowsRead();
                importNanos += nanos;
                imported += rows;
                ImportOutcome.Timings t = accepted.timings();
                out.printf("  %-18s %,9d rows  %6.2f s  %,9.0f rows/s   read+validate %,6d ms (%,.0f rows/s), write %,6d ms, refresh %,6d ms,"
                        + " commit %,6d ms%n", types[i], rows, nanos / 1e9, rows / (nanos / 1e9), t.read(), rows / (t.read() / 1e3),
                        t.write(), t.refresh(), t.commit());
            }
            out.printf("  %-18s %,9d rows  %6.2f s  %,9.0f rows/s (including each import's indicator refresh)%n", "all", imported,
                    importNanos / 1e9, imported / (importNanos / 1e9));

            IndicatorEngine engine = app.engine();
            out.println();
            out.printf("Full refresh of every indicator (%d indicators, all org units, months, quarters, years, disaggregations):%n",
                    app.pack().indicators().size());
            double[] full = new double[repeat];
            IndicatorEngine.RefreshStats stats = null;
            for (int r = 0; r < repeat; r++) {
                try (Connection connection = app.database().dataSource().getConnection()) {
                    connection.setAutoCommit(false);
                    long start = System.nanoTime();
                    stats = engine.refreshAll(connection);
                    connection.commit();
                    full[r] = (System.nanoTime() - start) / 1e9;
                }
            }
            out.printf("  engine        median %6.3f s  (runs: %s)  %d queries, %,d partial rows read, %,d values computed,"
                    + " %,d rows written by the last run%n", median(full), runs(full), stats.queries(), stats.partialRows(), stats.values(),
                    stats.written());
            double[] reference = new double[repeat];
            for (int r = 0; r < repeat; r++) {
                try (Connection connection = app.database().dataSource().getConnection()) {
                    long start = System.nanoTime();
                    long rows = HandWrittenSql.run(connection, app.database().dialect());
                    reference[r] = (System.nanoTime() - start) / 1e9;
                    if (r == 0) {
                        out.printf("  hand SQL      reads %,d grouped rows%n", rows);
                    }
                }
            }
            out.printf("  hand SQL      median %6.3f s  (runs: %s)  the same aggregations at mission x month, written by hand%n",
                    median(reference), runs(reference));
            out.printf("  ratio         %.2fx  (engine / hand-written SQL)%n", median(full) / median(reference));

            out.println();
            out.println("Incremental refresh after an import that touches one year (indicators of that type only):");
            double[] incremental = new double[repeat];
            for (int r = 0; r < repeat; r++) {
                try (Connection connection = app.database().dataSource().getConnection()) {
                    connection.setAutoCommit(false);
                    long start = System.nanoTime();
                    engine.refresh(connection, Set.of("fatality"), Set.of(2020));
                    connection.commit();
                    incremental[r] = (System.nanoTime() - start) / 1e9;
                }
            }
            out.printf("  fatality 2020 median %6.3f s  (runs: %s)%n", median(incremental), runs(incremental));

            out.println();
            out.println("Scorecard reads (stored values only; the records are not scanned):");
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
            out.printf("  %d reads after 50 warm-up: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n", latencies.size(),
                    percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99));
        }
        out.flush();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String runs(double[] values) {
        return String.join(", ", Arrays.stream(values).mapToObj(v -> String.format("%.3f", v)).toList());
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** The reference: the aggregations the pack's indicators need, as a person would write them. */
    static final class HandWrittenSql {
        private HandWrittenSql() {}

        static long run(Connection connection, Dialect dialect) throws SQLException {
            String days = dialect.daysBetween("\"reported_on\"", "\"investigation_closed_on\"");
            String[] queries = {
                """
                SELECT "mission", EXTRACT(YEAR FROM "incident_date"), EXTRACT(MONTH FROM "incident_date"), "personnel_type", "incident_type",
                       COUNT(*),
                       SUM(CASE WHEN "incident_type" = 'malicious_act' THEN 1 ELSE 0 END),
                       SUM(CASE WHEN "incident_type" = 'malicious_act' AND "personnel_type" IN ('military', 'military_observer', 'police') THEN 1 ELSE 0 END)
                FROM rec_fatality WHERE retired_by IS NULL
                GROUP BY "mission", EXTRACT(YEAR FROM "incident_date"), EXTRACT(MONTH FROM "incident_date"), "personnel_type", "incident_type"
                """,
                """
                SELECT "mission", "report_date", "category", SUM("women"), SUM("women" + "men")
                FROM rec_personnel WHERE retired_by IS NULL
                GROUP BY "mission", "report_date", "category"
                """,
                """
                SELECT "mission", EXTRACT(YEAR FROM "reported_on"), EXTRACT(MONTH FROM "reported_on"), "personnel_category", "category",
                       COUNT(*),
                       SUM(CASE WHEN "investigation_closed_on" IS NOT NULL THEN 1 ELSE 0 END)
                FROM rec_allegation WHERE retired_by IS NULL
                GROUP BY "mission", EXTRACT(YEAR FROM "reported_on"), EXTRACT(MONTH FROM "reported_on"), "personnel_category", "category"
                """,
                "SELECT \"mission\", EXTRACT(YEAR FROM \"reported_on\"), EXTRACT(MONTH FROM \"reported_on\"), \"personnel_category\", \"category\", "
                        + days + ", COUNT(*) FROM rec_allegation WHERE retired_by IS NULL AND \"investigation_closed_on\" IS NOT NULL"
                        + " AND \"category\" IN ('sexual_exploitation', 'sexual_abuse')"
                        + " GROUP BY \"mission\", EXTRACT(YEAR FROM \"reported_on\"), EXTRACT(MONTH FROM \"reported_on\"), \"personnel_category\", \"category\", " + days,
                """
                SELECT "mission", "site", EXTRACT(YEAR FROM "assessed_on"), EXTRACT(MONTH FROM "assessed_on"), "pillar",
                       COUNT(*),
                       SUM(CASE WHEN "risk_level" = 'minimum' THEN 1 ELSE 0 END),
                       SUM(CASE WHEN "risk_level" = 'high' THEN 1 ELSE 0 END)
                FROM rec_site_environment WHERE retired_by IS NULL
                GROUP BY "mission", "site", EXTRACT(YEAR FROM "assessed_on"), EXTRACT(MONTH FROM "assessed_on"), "pillar"
                """};
            long rows = 0;
            for (String sql : queries) {
                try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                    }
                }
            }
            return rows;
        }
    }
}
