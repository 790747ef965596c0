package org.a4p.ingest.read;

import java.util.Iterator;
import java.util.List;

/**
 * A table file opened for reading: a header and a single-pass {@link Iterator} of data rows. Obtain one
 * from {@link TableReaders#open}. Use it in try-with-resources and read it with
 * {@code while (src.hasNext()) { SourceRow row = src.next(); ... }} or {@code forEachRemaining}.
 *
 * <p>Blank rows are skipped and never returned. {@link #hasNext()} and {@link #next()} throw
 * {@link ReadException} when the file turns out to be broken at some row; rows before it have been
 * returned normally. Not thread-safe, except {@link #progress()}, which a progress bar may poll from
 * another thread.
 */
public interface TableSource extends AutoCloseable, Iterator<SourceRow> {

    /** Column names as in the file, trimmed, byte order mark removed; never empty. Unmodifiable. */
    List<String> header();

    /** The file name given to {@link TableReaders} (used in messages). */
    String fileName();

    /**
     * How much of the input has been consumed, 0..1: the share of the (compressed) file bytes read
     * for CSV and JSON, of the sheet's XML for XLSX. 0 until the end when the size is unknown, 1 once
     * {@link #hasNext()} has returned false.
     */
    double progress();

    /** Releases the file; idempotent. */
    @Override
    void close();
}
