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
        out.println("Import (product: CSV validated, stored, indicators refreshed; reference: the same CSV, raw JDBC batch into a table of the same shape):");
        for (int i = 0; i < report.importRuns().size(); i++) {
            BenchReport.ImportRun ours = report.importRuns().get(i);
            BenchReport.ImportRun raw = report.importReferenceRuns().get(i);
            out.printf(Locale.ROOT, "  %-18s %,9d rows  product %7.2f s %,9.0f rows/s   reference %7.2f s %,9.0f rows/s%n", ours.recordType(),
                    ours.rows(), ours.seconds(), ours.rowsPerS(), raw.seconds(), raw.rowsPerS());
        }
        out.printf(Locale.ROOT, "  all                %,9d rows  product %,9.0f rows/s, reference %,9.0f rows/s, ratio %.3f (product / reference)%n",
                report.importRows(), report.importRowsPerS(), report.importReferenceRowsPerS(), report.ratioImport());
        out.println();
        out.println("Full refresh of every indicator against the same aggregations written by hand, on the same tables:");
        out.printf(Locale.ROOT, "  product    median %7.3f s  (runs: %s)%n", report.fullRefreshS(), runs(report.fullRefreshRunsS()));
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
        out.printf(Locale.ROOT, "Peak heap: %.0f MB (sampled every 10 ms)%n", report.peakHeapMb());
        out.println();
        out.println("Not measured:");
        report.notMeasured().forEach(n -> out.println("  " + n.key() + ": " + n.reason()));
        out.flush();
    }

    private static String runs(List<Double> runs) {
        return runs.stream().map(v -> String.format(Locale.ROOT, "%.3f", v)).collect(Collectors.joining(", "));
    }
}
