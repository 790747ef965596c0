package org.a4p.ingest.read;

import java.util.NoSuchElementException;

/**
 * The iteration every reader shares: one row read ahead, and a read error that stays, so every
 * later call reports the same failure instead of carrying on past a broken row.
 */
abstract class AbstractTableSource implements TableSource {
    /** The row read ahead, or null. Set by {@link #advance()}. */
    protected SourceRow next;
    private ReadException failure;

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
            return advance();
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
        return row;
    }
}
