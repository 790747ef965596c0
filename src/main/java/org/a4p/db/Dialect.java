package org.a4p.db;

/** The few SQL spellings that differ between H2 and PostgreSQL. */
public enum Dialect {
    H2, POSTGRES;

    public static Dialect ofUrl(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:") ? POSTGRES : H2;
    }

    /** A quoted identifier; field names are lower case, so quoting keeps them as written. */
    public String quote(String identifier) {
        return '"' + identifier + '"';
    }

    /** Whole days from date {@code from} to date {@code to} (negative when {@code to} is earlier). */
    public String daysBetween(String from, String to) {
        return switch (this) {
            case H2 -> "DATEDIFF(DAY, " + from + ", " + to + ")";
            case POSTGRES -> "(" + to + " - " + from + ")";
        };
    }

    /** Whole minutes between two timestamps. */
    public String minutesBetween(String from, String to) {
        return switch (this) {
            case H2 -> "DATEDIFF(MINUTE, " + from + ", " + to + ")";
            case POSTGRES -> "CAST(FLOOR(EXTRACT(EPOCH FROM (" + to + " - " + from + ")) / 60) AS BIGINT)";
        };
    }

    /** The SQL type of a double-precision column. */
    public String doubleType() {
        return "DOUBLE PRECISION";
    }

    /** Creates a table that only this connection sees, for scratch work; {@link #dropTemporaryTable} removes it. */
    public String createTemporaryTable(String name, String columns) {
        return switch (this) {
            case H2 -> "CREATE LOCAL TEMPORARY TABLE " + name + " (" + columns + ")";
            case POSTGRES -> "CREATE TEMPORARY TABLE " + name + " (" + columns + ")";
        };
    }

    /** Drops this connection's temporary table if it has one (never a permanent table of the same name). */
    public String dropTemporaryTable(String name) {
        return switch (this) {
            case H2 -> "DROP TABLE IF EXISTS " + name;
            case POSTGRES -> "DROP TABLE IF EXISTS pg_temp." + name;
        };
    }
}
