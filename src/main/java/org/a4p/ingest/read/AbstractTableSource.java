package org.a4p.ingest.read;

import java.util.NoSuchElementException;

/**
 * The iteration every reader shares: one row read ahead, and a read error that stays, so every
 * later call reports the same failure instead of carrying on past a broken row. A table without a
 * single data row is an error, as a header alone is an upload gone wrong, not an empty dataset.
 */
abstract class AbstractTableSource implements TableSource {
    /** The row read ahead, or null. Set by {@link #advance()}. */
    protected SourceRow next;
    private ReadException failure;
    private boolean anyRow;

    /** Reads the next row into {@link #next}; false at the end. */
    protected abstract boolean advance();

    @Override
    public final boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (failure != null) {
            throw failure;
        }
        try {
            if (advance()) {
                return true;
            }
            if (!anyRow) {
                throw new ReadException(fileName(), 0, "the file has a header but no data rows");
            }
            return false;
        } catch (ReadException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public final SourceRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SourceRow row = next;
        next = null;
        anyRow = true;
        return row;
    }
}
