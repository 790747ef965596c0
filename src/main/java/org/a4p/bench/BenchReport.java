package org.a4p.bench;

import java.util.List;

/**
 * What one bench run measured, written as JSON with snake_case keys. Every figure carries its
 * runs; a figure this bench cannot measure is null and named in {@code notMeasured} with the reason.
 * Ratios are product / reference: for seconds, above 1 means the product is slower; for rows per
 * second, below 1 means the product is slower.
 */
public record BenchReport(
        int records,
        String database,
        Machine machine,
        String order,
        long importRows,
        double importRowsPerS,
        List<ImportRun> importRuns,
        double importReferenceRowsPerS,
        List<ImportRun> importReferenceRuns,
        String importReferenceMethod,
        double importBatchRowsPerS,
        List<ImportRun> importBatchRuns,
        Double importCopyRowsPerS,
        List<ImportRun> importCopyRuns,
        double ratioImport,
        double fullRefreshS,
        List<Double> fullRefreshRunsS,
        double fullRefreshReferenceS,
        List<Double> fullRefreshReferenceRunsS,
        double ratioFullRefresh,
        double fullRebuildS,
        List<Double> fullRebuildRunsS,
        double ratioFullRebuild,
        long referenceGroupedRows,
        boolean referenceRunsAgree,
        ReferenceCheck.Outcome referenceCheck,
        double incrementalRefreshS,
        List<Double> incrementalRefreshRunsS,
        String incrementalSubmission,
        double scorecardReadP50Ms,
        double scorecardReadP99Ms,
        int scorecardReads,
        Double apiP50Ms,
        Double apiP99Ms,
        Double apiRequestRatePerS,
        Api api,
        Double reportS,
        List<Double> reportRunsS,
        Double reportHtmlS,
        List<Double> reportHtmlRunsS,
        String report,
        Double releasePublishS,
        Double approveS,
        double peakHeapMb,
        List<NotMeasured> notMeasured) {

    public record Machine(int cores, double maxHeapMb, String java) {}

    /** One file written: the product's import (validated, stored, refreshed) or the reference's raw batch. */
    public record ImportRun(String recordType, long rows, double seconds, double rowsPerS) {}

    /**
     * The overview API under open-loop load from the bench's process, the server a child JVM. Latencies
     * run from each request's due time; {@code requests} counts those after the warm-up.
     */
    public record Api(String server, String endpoint, int ratePerS, int warmupS, int seconds, int requests, double achievedRatePerS,
            double maxMs, int non2xx, int errors, double maxSendLagMs, java.util.Map<String, Integer> mix, List<String> errorSamples,
            boolean serverStopped) {}

    public record NotMeasured(String key, String reason) {}
}
