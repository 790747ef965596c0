package org.a4p.ingest.read;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The bounds every reader holds a file to, so that no file can exhaust memory or time, and the
 * header checks they share. Far above what a real table needs: a UN dataset has a dozen columns
 * of short values.
 */
final class Limits {
    /** Columns in a header, fields in a row. */
    static final int MAX_COLUMNS = 1_000;
    /** Characters in one value. */
    static final int MAX_FIELD_CHARS = 100_000;
    /** Characters in one column name. */
    static final int MAX_NAME_CHARS = 256;
    /** Digits and signs in one JSON number. */
    static final int MAX_NUMBER_CHARS = 100;
    /** Levels of nesting in a JSON document (a list of records needs three). */
    static final int MAX_JSON_DEPTH = 64;
    /** How many times its compressed size a gzip file may inflate to (as POI's default for workbooks). */
    static final int MAX_INFLATION = 100;
    /** Inflated bytes tolerated before {@link #MAX_INFLATION} applies, so that small files are never judged. */
    static final long INFLATION_GRACE_BYTES = 16L << 20;

    private Limits() {
    }

    /** A count as users read it: 100,000. */
    /** A name or value as messages show it: the file's own text, of any length, cut at 40 characters. */
    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /**
     * Refuses a header with too many columns, a name too long to be a column name, or a name twice
     * (compared as layouts compare them: trimmed, ignoring case), which would leave one column unread.
     *
     * @param label how a column (0-based) is called in messages: 1, 2… in a text file, A, B… in a sheet
     */
    static void checkHeader(String file, long row, List<String> names, IntFunction<String> label) {
        if (names.size() > MAX_COLUMNS) {
            throw new ReadException(file, row, "the header has " + count(names.size()) + " columns, more than the "
                    + count(MAX_COLUMNS) + " a table may have");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.length() > MAX_NAME_CHARS) {
                throw new ReadException(file, row, "the name of column " + label.apply(i) + " is "
                        + count(name.length()) + " characters long, more than the " + MAX_NAME_CHARS
                        + " a column name may have (is the first row really the header?)");
            }
            if (name.isEmpty()) {
                continue;
            }
            Integer earlier = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
            if (earlier != null) {
                throw new ReadException(file, row, "the column name '" + name + "' appears twice (columns "
                        + label.apply(earlier) + " and " + label.apply(i)
                        + "): rename or remove one, as only one of them could be read");
            }
        }
    }
}
