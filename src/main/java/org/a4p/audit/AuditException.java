package org.a4p.audit;

/** The audit trail could not be read or written: the database failed, or its tables are missing. */
public final class AuditException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AuditException(String message, Throwable cause) {
        super(message, cause);
    }
}
