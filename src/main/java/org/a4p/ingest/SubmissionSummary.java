package org.a4p.ingest;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One import of one file, as recorded in the {@code submission} table. {@code status} is a {@link
 * org.a4p.workflow.SubmissionStatus} code; {@code decision} says who last moved it in the workflow,
 * when and why (null while nobody has).
 */
public record SubmissionSummary(
        long id,
        String recordType,
        String fileName,
        String contentSha256,
        String layout,
        LocalDate snapshotDate,
        boolean wholeDataset,
        int rowsRead,
        int added,
        int revised,
        int unchanged,
        int retired,
        int warnings,
        boolean synthetic,
        String status,
        String submittedBy,
        Instant submittedAt,
        Decision decision) {

    /** Who moved a submission to its status, when, and the reason they gave (null when none was needed). */
    public record Decision(String by, Instant at, String reason) {}

    public SubmissionSummary(long id, String recordType, String fileName, String contentSha256, String layout, LocalDate snapshotDate,
            boolean wholeDataset, int rowsRead, int added, int revised, int unchanged, int retired, int warnings, boolean synthetic,
            String status, String submittedBy, Instant submittedAt) {
        this(id, recordType, fileName, contentSha256, layout, snapshotDate, wholeDataset, rowsRead, added, revised, unchanged, retired,
                warnings, synthetic, status, submittedBy, submittedAt, null);
    }

    /** A file the import refused: on record so the data-quality indicators count it, with nothing written. */
    static SubmissionSummary rejected(String recordType, String fileName, int rowsRead, String submittedBy, Instant at) {
        return new SubmissionSummary(0, recordType, fileName, SubmissionStore.NO_HASH, "", null, false, rowsRead, 0, 0, 0, 0, 0, false,
                "rejected", submittedBy, at);
    }

    SubmissionSummary withId(long newId) {
        return new SubmissionSummary(newId, recordType, fileName, contentSha256, layout, snapshotDate, wholeDataset, rowsRead, added,
                revised, unchanged, retired, warnings, synthetic, status, submittedBy, submittedAt, decision);
    }
}
