package org.a4p.records;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.a4p.pack.Field;
import org.a4p.pack.FieldType;
import org.a4p.pack.RecordType;

/**
 * Helpers for records held as {@code Object[]} aligned with their type's fields: LocalDate,
 * Long, Double, Boolean or String, null when absent.
 */
public final class RecordValues {
    private static final char SEPARATOR = '\u001f';

    private RecordValues() {}

    /**
     * The values of a record given by field name, in its type's field order, so that a writer does
     * not depend on the order of the fields in the pack. Fails on a name the type lacks, a required
     * field left out or null, and a value of another Java type than the field's.
     */
    public static Object[] byName(RecordType type, Map<String, ?> values) {
        List<Field> fields = type.fields();
        Object[] out = new Object[fields.size()];
        Set<String> unknown = new TreeSet<>(values.keySet());
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            unknown.remove(field.name());
            Object value = values.get(field.name());
            if (value == null && field.required()) {
                throw new IllegalArgumentException("record type '" + type.id() + "': expected a value for the required field '"
                        + field.name() + "', got none");
            }
            Class<?> expected = javaType(field.type());
            if (value != null && !expected.isInstance(value)) {
                throw new IllegalArgumentException("record type '" + type.id() + "', field '" + field.name() + "': expected a "
                        + expected.getSimpleName() + " (" + field.type().name().toLowerCase(Locale.ROOT) + "), got "
                        + article(value.getClass().getSimpleName()));
            }
            out[i] = value;
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("record type '" + type.id() + "' has no field " + unknown + "; its fields: "
                    + fields.stream().map(Field::name).toList());
        }
        return out;
    }

    private static String article(String noun) {
        return ("AEIOU".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    /** The Java type of a field's values in a record's array. */
    static Class<?> javaType(FieldType type) {
        return switch (type) {
            case DATE -> LocalDate.class;
            case TIMESTAMP -> LocalDateTime.class;
            case INTEGER -> Long.class;
            case DECIMAL -> Double.class;
            case BOOLEAN -> Boolean.class;
            case CODE, MISSION, SITE, TEXT -> String.class;
        };
    }

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

    /** A value as text, as keys, hashes and {@code record_history.data_json} hold it: "" for null, 5.0 as "5". */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        return value.toString();
    }

    /** A value read from JDBC as the store holds it in memory: LocalDate, LocalDateTime, Long, Double, Boolean or String. */
    public static Object normalise(Object value) {
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
