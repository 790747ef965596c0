package org.a4p.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Runs a prepared statement for each item, sending the rows to the database in batches. */
public final class Batches {
    private static final int SIZE = 2000;

    private Batches() {}

    /** Binds one item's parameters. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement statement, T item) throws SQLException;
    }

    public static <T> void run(PreparedStatement statement, Iterable<T> items, Binder<T> binder) throws SQLException {
        int pending = 0;
        for (T item : items) {
            binder.bind(statement, item);
            statement.addBatch();
            if (++pending == SIZE) {
                statement.executeBatch();
                pending = 0;
            }
        }
        if (pending > 0) {
            statement.executeBatch();
        }
    }
}
