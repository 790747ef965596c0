package org.a4p.ingest;

import java.time.LocalDate;
import java.util.List;

/** One file read and validated: its records, ready to write. */
record FileBatch(
        String fileName,
        String contentSha256,
        String layout,
        LocalDate snapshotDate,
        int rowsRead,
        List<Object[]> records,
        long[] rowNumbers,
        int warnings) {}
