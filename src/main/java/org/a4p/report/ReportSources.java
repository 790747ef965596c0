package org.a4p.report;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.a4p.db.Database;
import org.a4p.i18n.Messages;
import org.a4p.ingest.ListSubmissions;
import org.a4p.ingest.SubmissionSummary;
import org.a4p.pack.Pack;
import org.a4p.release.Release;

/**
 * The data sources of a release: per record type, the approved files it rests on and their
 * snapshot dates (the date a dataset was extracted at its source, else the date it was submitted).
 */
public final class ReportSources {
    private static final int MAX_SUBMISSIONS = 100_000;
    /** Beyond this many files of one type the report names the count, not the files (a case history year by year). */
    private static final int FILES_NAMED = 3;

    private final Pack pack;
    private final ListSubmissions submissions;

    public ReportSources(Pack pack, Database database) {
        this.pack = pack;
        this.submissions = new ListSubmissions(pack, database);
    }

    /** {@code words}: the report's bundle ({@code Messages.of("report", language)}). */
    public List<ReportPage.Source> of(Release release, Messages words) {
        Map<String, List<SubmissionSummary>> byType = new TreeMap<>();
        for (SubmissionSummary submission : submissions.run(new ListSubmissions.Request(null, MAX_SUBMISSIONS))
                .orElseThrow(failure -> new IllegalStateException(failure.message()))) {
            boolean inRelease = submission.status().equals("approved") && submission.decision() != null
                    && !submission.decision().at().isAfter(release.publishedAt());
            if (inRelease) {
                byType.computeIfAbsent(submission.recordType(), type -> new ArrayList<>()).add(submission);
            }
        }
        List<ReportPage.Source> out = new ArrayList<>();
        byType.forEach((type, list) -> {
            TreeSet<String> files = new TreeSet<>(list.stream().map(SubmissionSummary::fileName).toList());
            LocalDate latest = list.stream().map(s -> s.snapshotDate() != null ? s.snapshotDate()
                    : LocalDate.ofInstant(s.submittedAt(), ZoneOffset.UTC)).max(LocalDate::compareTo).orElseThrow();
            boolean snapshot = list.stream().anyMatch(s -> s.snapshotDate() != null);
            String named = files.size() <= FILES_NAMED ? String.join(", ", files) : words.get("sources.files", files.size());
            String name = pack.recordType(type).map(t -> t.name()).orElse(type);
            out.add(new ReportPage.Source(name, named, words.get(snapshot ? "sources.snapshot" : "sources.submitted", words.date(latest)),
                    list.stream().anyMatch(SubmissionSummary::synthetic)));
        });
        return out;
    }
}
