package org.a4p.ingest;

import java.time.Instant;
import java.time.LocalDate;

/** One import of one file, as recorded in the {@code submission} table. */
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
        Instant submittedAt) {}
