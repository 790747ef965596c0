package org.a4p.backup;

import java.time.Instant;
import java.util.List;

/**
 * What a backup file holds, as its {@code manifest.json}: the format, the schema and pack it was
 * taken on, and per table its columns, row count and the SHA-256 of its rows file.
 */
record Manifest(int format, String schemaVersion, String packId, String packVersion, String packDigest, String sourceDatabase,
        Instant createdAt, List<Table> tables) {
    static final int FORMAT = 1;
    static final String ENTRY = "manifest.json";

    /** {@code file} is the zip entry of its rows: one JSON array per line, values in column order. */
    record Table(String name, String file, long rows, String sha256, List<Column> columns) {}

    /** {@code kind} is how its values are written ({@link ColumnKind}); {@code sqlType} the source's type, for readers. */
    record Column(String name, ColumnKind kind, String sqlType) {}

    long totalRows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }
}
