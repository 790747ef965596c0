package org.a4p.pages;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.a4p.ingest.RowIssue;

/**
 * The row errors and warnings of recent uploads, kept in memory for 30 minutes so a page can show
 * them after its redirect and offer them as a CSV download without the browser sending them back:
 * each under a random key, for the user who sent the file only. Bounded: the oldest go first, and
 * at most {@link #MAX_ISSUES} issues each. The file itself is never kept. On several app instances
 * a report is served by the instance that took the upload.
 */
final class UploadReports {
    static final Duration KEPT_FOR = Duration.ofMinutes(30);
    static final int MAX_KEPT = 200;
    static final int MAX_ISSUES = 1_000;

    /** One upload's issues, whose they are and when. {@code errorCount} counts the errors not kept too. */
    record Report(String user, String fileName, List<RowIssue> errors, long errorCount, List<RowIssue> warnings, Instant at) {}

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Map<String, Report> reports = new LinkedHashMap<>();

    UploadReports(Clock clock) {
        this.clock = clock;
    }

    /** Keeps the issues and returns the key to fetch them by. */
    synchronized String keep(String user, String fileName, List<RowIssue> errors, long errorCount, List<RowIssue> warnings) {
        forgetOld();
        while (reports.size() >= MAX_KEPT) {
            Iterator<String> oldest = reports.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String key = HexFormat.of().formatHex(bytes);
        List<RowIssue> keptErrors = errors.stream().limit(MAX_ISSUES).toList();
        List<RowIssue> keptWarnings = warnings.stream().limit(Math.max(0, MAX_ISSUES - keptErrors.size())).toList();
        reports.put(key, new Report(user, fileName, keptErrors, errorCount, keptWarnings, clock.instant()));
        return key;
    }

    /** The report under {@code key} if it is {@code user}'s and still kept. */
    synchronized Optional<Report> find(String key, String user) {
        forgetOld();
        Report report = key == null ? null : reports.get(key);
        return report != null && report.user().equals(user) ? Optional.of(report) : Optional.empty();
    }

    private void forgetOld() {
        Instant limit = clock.instant().minus(KEPT_FOR);
        reports.values().removeIf(report -> report.at().isBefore(limit));
    }
}
