package org.a4p.records;

/** The record store failed (the database refused a statement or could not be reached). */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
