package org.a4p.records;

import java.time.LocalDate;
import java.util.List;
import org.a4p.pack.Field;
import org.a4p.pack.RecordType;

/**
 * Helpers for records held as {@code Object[]} aligned with their type's fields: LocalDate,
 * Long, Double, Boolean or String, null when absent.
 */
public final class RecordValues {
    private static final char SEPARATOR = '\u001f';

    private RecordValues() {}

    /** The natural key as one string, for in-memory matching. */
    public static String key(RecordType type, int[] keyIndexes, Object[] values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < keyIndexes.length; i++) {
            if (i > 0) {
                out.append(SEPARATOR);
            }
            out.append(text(values[keyIndexes[i]]));
        }
        return out.toString();
    }

    /** The key as a reader sees it: {@code casualty_id=UNMIK-2003-05-03589}. */
    public static String describeKey(RecordType type, String key) {
        String[] parts = key.split(String.valueOf(SEPARATOR), -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            out.append(i > 0 ? ", " : "").append(type.key().get(i)).append('=').append(parts[i]);
        }
        return out.toString();
    }

    public static int[] keyIndexes(RecordType type) {
        List<Field> fields = type.fields();
        int[] out = new int[type.key().size()];
        for (int i = 0; i < out.length; i++) {
            String name = type.key().get(i);
            for (int f = 0; f < fields.size(); f++) {
                if (fields.get(f).name().equals(name)) {
                    out[i] = f;
                }
            }
        }
        return out;
    }

    /** A 64-bit FNV-1a hash of every field's value: equal hashes mean an unchanged record. */
    public static long hash(Object[] values) {
        long h = 0xcbf29ce484222325L;
        for (Object value : values) {
            String text = text(value);
            for (int i = 0; i < text.length(); i++) {
                h ^= text.charAt(i);
                h *= 0x100000001b3L;
            }
            h ^= SEPARATOR;
            h *= 0x100000001b3L;
        }
        return h;
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        return value.toString();
    }

    static Object normalise(Object value) {
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof java.sql.Timestamp time) {
            return time.toLocalDateTime();
        }
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value instanceof java.math.BigDecimal d) {
            return d.doubleValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        return value;
    }

    static boolean isDate(Object value) {
        return value instanceof LocalDate;
    }
}
