package org.a4p.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The bench's figures for people: each median with every run beside it. */
public final class BenchText {
    private BenchText() {}

    public static void print(BenchReport report, PrintWriter out) {
        BenchReport.Machine machine = report.machine();
        out.printf(Locale.ROOT, "A4P+ Monitor benchmark: %,d records on %s, %d cores, max heap %.0f MB, Java %s%n", report.records(),
                report.database(), machine.cores(), machine.maxHeapMb(), machine.java());
        out.println("Order: " + report.order());
        out.println();
        out.println("Import (product: CSV validated, stored, indicators refreshed; references: the same CSV, raw JDBC batch"
                + (report.importCopyRuns() == null ? "" : " and PostgreSQL COPY") + " into a table of the same shape):");
        for (int i = 0; i < report.importRuns().size(); i++) {
            BenchReport.ImportRun ours = report.importRuns().get(i);
            BenchReport.ImportRun raw = report.importBatchRuns().get(i);
            out.printf(Locale.ROOT, "  %-18s %,9d rows  product %7.2f s %,9.0f rows/s   batch %7.2f s %,9.0f rows/s", ours.recordType(),
                    ours.rows(), ours.seconds(), ours.rowsPerS(), raw.seconds(), raw.rowsPerS());
            if (report.importCopyRuns() != null) {
                BenchReport.ImportRun copy = report.importCopyRuns().get(i);
                out.printf(Locale.ROOT, "   COPY %7.2f s %,9.0f rows/s", copy.seconds(), copy.rowsPerS());
            }
            out.println();
        }
        out.printf(Locale.ROOT, "  all                %,9d rows  product %,9.0f rows/s, batch %,9.0f rows/s%s%n", report.importRows(),
                report.importRowsPerS(), report.importBatchRowsPerS(),
                report.importCopyRowsPerS() == null ? "" : String.format(Locale.ROOT, ", COPY %,9.0f rows/s", report.importCopyRowsPerS()));
        out.printf(Locale.ROOT, "  ratio %.3f (product / reference; the reference is %s)%n", report.ratioImport(), report.importReferenceMethod());
        out.println();
        out.println("Full refresh of every indicator against the same aggregations written by hand, on the same tables:");
        out.printf(Locale.ROOT, "  product    median %7.3f s  (runs: %s), from the stored partial aggregates%n", report.fullRefreshS(),
                runs(report.fullRefreshRunsS()));
        out.printf(Locale.ROOT, "  rebuild    median %7.3f s  (runs: %s), from every record, %.2fx the reference%n", report.fullRebuildS(),
                runs(report.fullRebuildRunsS()), report.ratioFullRebuild());
        out.printf(Locale.ROOT, "  reference  median %7.3f s  (runs: %s), %,d grouped rows per run%n", report.fullRefreshReferenceS(),
                runs(report.fullRefreshReferenceRunsS()), report.referenceGroupedRows());
        out.printf(Locale.ROOT, "  ratio      %.2fx (product / reference)%n", report.ratioFullRefresh());
        ReferenceCheck.Outcome check = report.referenceCheck();
        out.printf(Locale.ROOT, "  same numbers: %s (%,d mission-year values of %s compared, %d differ; every reference run the same: %s)%n",
                check.matches() ? "yes" : "NO", check.valuesCompared(), String.join(", ", check.indicators()), check.mismatchCount(),
                report.referenceRunsAgree() ? "yes" : "NO");
        check.mismatches().forEach(m -> out.println("    " + m));
        out.println();
        out.printf(Locale.ROOT, "Refresh after one mission-month submission: median %.3f s (runs: %s)%n  %s%n", report.incrementalRefreshS(),
                runs(report.incrementalRefreshRunsS()), report.incrementalSubmission());
        out.printf(Locale.ROOT, "Scorecard reads in-process (%d after 50 warm-up): p50 %.2f ms, p99 %.2f ms%n", report.scorecardReads(),
                report.scorecardReadP50Ms(), report.scorecardReadP99Ms());
        out.println();
        out.printf(Locale.ROOT, "Approval of the bench's submissions %.2f s, one release published %.2f s (each once)%n", report.approveS(),
                report.releasePublishS());
        out.printf(Locale.ROOT, "Member State report: PDF median %.3f s (runs: %s), HTML median %.3f s (runs: %s)%n  %s%n", report.reportS(),
                runs(report.reportRunsS()), report.reportHtmlS(), runs(report.reportHtmlRunsS()), report.report());
        BenchReport.Api api = report.api();
        out.println();
        out.printf(Locale.ROOT, "Overview API (%s) under open-loop load from this process, %d requests/s for %d s after %d s of warm-up:%n",
                api.endpoint(), api.ratePerS(), api.seconds(), api.warmupS());
        out.printf(Locale.ROOT, "  p50 %.2f ms, p99 %.2f ms, max %.2f ms (from each request's due time); %,d requests, achieved %.1f/s;"
                + " non-2xx %d, errors %d; generator's largest send lag %.2f ms%n", report.apiP50Ms(), report.apiP99Ms(), api.maxMs(),
                api.requests(), api.achievedRatePerS(), api.non2xx(), api.errors(), api.maxSendLagMs());
        out.println("  mix: " + api.mix());
        api.errorSamples().forEach(e -> out.println("  e.g. " + e));
        out.println("  server: " + api.server() + (api.serverStopped() ? "; stopped after the load" : "; STILL RUNNING"));
        out.printf(Locale.ROOT, "Peak heap of the bench process: %.0f MB (sampled every 10 ms)%n", report.peakHeapMb());
        if (!report.notMeasured().isEmpty()) {
            out.println();
            out.println("Not measured:");
            report.notMeasured().forEach(n -> out.println("  " + n.key() + ": " + n.reason()));
        }
        out.flush();
    }

    private static String runs(List<Double> runs) {
        return runs.stream().map(v -> String.format(Locale.ROOT, "%.3f", v)).collect(Collectors.joining(", "));
    }
}
