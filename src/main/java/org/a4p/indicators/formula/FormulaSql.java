package org.a4p.indicators.formula;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.a4p.db.Dialect;
import org.a4p.pack.Field;
import org.a4p.pack.RecordType;

/**
 * Compiles the parts of an aggregate to SQL, so the database does the counting. Values from the
 * formula are always bound as parameters, never spliced into the text; columns are quoted with
 * {@link Dialect#quote}. Run {@link FormulaChecker} first: this class assumes the fields exist and
 * the literals fit them, and throws {@link IllegalArgumentException} when they do not.
 *
 * <h2>Missing values (NULL)</h2>
 * Conditions keep SQL's three-valued logic, and a record is counted only when its condition is
 * true:
 * <ul>
 * <li>a comparison with a missing field ({@code =, !=, <, <=, >, >=, in, not in}) is unknown, so
 *     the record is left out: {@code x != 'a'} and {@code x not in ('a')} do not match records
 *     where x is missing;
 * <li>the same holds when either side of a comparison is a row expression whose value is missing:
 *     a missing field on either side ({@code achieved_on <= due_on} leaves out records without
 *     either date), arithmetic with a missing field ({@code women * 2 >= participants}), a
 *     division by zero, or {@code days_between(a, b)} with a or b missing. Such a record is not
 *     counted, whatever the operator, {@code !=} included;
 * <li>{@code not} keeps unknown unknown: {@code not (x = 'a')} also leaves those records out;
 * <li>{@code or} is true when either side is true, {@code and} only when both are;
 * <li>to include missing values, say so: {@code x != 'a' or x is null}, or for a row expression
 *     {@code days_between(a, b) > 7 or days_between(a, b) is null}; {@code e is null} is true
 *     when e's value is missing for any of the reasons above.
 * </ul>
 * Both sides of a comparison are compiled, and their parameters bound, left to right. A field
 * alone on a side is its column as stored (so dates compare as dates and codes as text); any
 * other side is a double-precision row value.
 *
 * <p>In row values, arithmetic with a missing field gives a missing value, which SQL aggregates skip
 * ({@code count} counts records, not values). Division by zero gives a missing value, like
 * {@link Evaluator}. All arithmetic is done in double precision to avoid integer division.
 * {@code days_between} counts whole calendar days, casting both fields to DATE (so for timestamps
 * the time of day is ignored); {@code minutes_between} whole minutes, casting both fields to
 * TIMESTAMP so date fields work in PostgreSQL too; {@code hours_between} is minutes / 60.
 *
 * <p>Literals are bound as the column's Java type: a date field's 'YYYY-MM-DD' as a
 * {@link LocalDate}; a timestamp field's 'YYYY-MM-DDTHH:MM' (or 'YYYY-MM-DD', meaning midnight)
 * as a {@link LocalDateTime}.
 */
public final class FormulaSql {

    private FormulaSql() {}

    /** A boolean SQL expression for {@code c} over the columns of {@code type}'s table. */
    public static SqlFragment condition(Condition c, RecordType type, Dialect d) {
        List<Object> parameters = new ArrayList<>();
        String sql = condition(c, type, d, parameters);
        return new SqlFragment(sql, parameters);
    }

    /** A double-precision SQL expression computing {@code e} for each row. */
    public static SqlFragment rowValue(RowExpr e, Dialect d) {
        List<Object> parameters = new ArrayList<>();
        String sql = rowValue(e, d, parameters);
        return new SqlFragment(sql, parameters);
    }

    private static String condition(Condition c, RecordType type, Dialect d, List<Object> parameters) {
        if (c instanceof Condition.And a) {
            return "(" + condition(a.left(), type, d, parameters) + " AND " + condition(a.right(), type, d, parameters) + ")";
        }
        if (c instanceof Condition.Or o) {
            return "(" + condition(o.left(), type, d, parameters) + " OR " + condition(o.right(), type, d, parameters) + ")";
        }
        if (c instanceof Condition.Not n) {
            return "NOT (" + condition(n.inner(), type, d, parameters) + ")";
        }
        if (c instanceof Condition.Compare cmp) {
            parameters.add(parameter(field(type, cmp.field()), cmp.literal()));
            String op = cmp.op().equals("!=") ? "<>" : cmp.op();
            return d.quote(cmp.field()) + " " + op + " ?";
        }
        if (c instanceof Condition.In in) {
            Field f = field(type, in.field());
            in.literals().forEach(l -> parameters.add(parameter(f, l)));
            String placeholders = String.join(", ", in.literals().stream().map(l -> "?").toList());
            return d.quote(in.field()) + (in.negated() ? " NOT IN (" : " IN (") + placeholders + ")";
        }
        if (c instanceof Condition.IsNull isNull) {
            field(type, isNull.field());
            return d.quote(isNull.field()) + (isNull.negated() ? " IS NOT NULL" : " IS NULL");
        }
        if (c instanceof Condition.RowCompare cmp) {
            String left = operand(cmp.left(), type, d, parameters);
            String right = operand(cmp.right(), type, d, parameters);
            return left + " " + (cmp.op().equals("!=") ? "<>" : cmp.op()) + " " + right;
        }
        Condition.RowIsNull isNull = (Condition.RowIsNull) c;
        return operand(isNull.value(), type, d, parameters) + (isNull.negated() ? " IS NOT NULL" : " IS NULL");
    }

    /** A side of a comparison: a lone field as its column, anything else as a double row value. */
    private static String operand(RowExpr e, RecordType type, Dialect d, List<Object> parameters) {
        Formula.fieldRefs(e).forEach(f -> field(type, f.field()));
        return e instanceof RowExpr.FieldRef f ? d.quote(f.field()) : rowValue(e, d, parameters);
    }

    private static String rowValue(RowExpr e, Dialect d, List<Object> parameters) {
        if (e instanceof RowExpr.FieldRef f) {
            return asDouble(d.quote(f.field()), d);
        }
        if (e instanceof RowExpr.RowNumber n) {
            parameters.add(n.value());
            return asDouble("?", d);
        }
        if (e instanceof RowExpr.RowBinary b) {
            String left = rowValue(b.left(), d, parameters);
            String right = rowValue(b.right(), d, parameters);
            return b.op() == '/' ? "(" + left + " / NULLIF(" + right + ", 0))" : "(" + left + " " + b.op() + " " + right + ")";
        }
        RowExpr.Between b = (RowExpr.Between) e;
        return switch (b.unit()) {
            case DAYS -> asDouble(d.daysBetween(date(b.from(), d), date(b.to(), d)), d);
            case MINUTES -> minutes(b, d);
            case HOURS -> "(" + minutes(b, d) + " / 60)";
        };
    }

    private static String minutes(RowExpr.Between b, Dialect d) {
        return asDouble(d.minutesBetween(timestamp(b.from(), d), timestamp(b.to(), d)), d);
    }

    private static String timestamp(RowExpr.FieldRef f, Dialect d) {
        return "CAST(" + d.quote(f.field()) + " AS TIMESTAMP)";
    }

    /** A date or timestamp field as a date: a no-op for dates, and whole days for timestamps in PostgreSQL too. */
    private static String date(RowExpr.FieldRef f, Dialect d) {
        return "CAST(" + d.quote(f.field()) + " AS DATE)";
    }

    private static String asDouble(String sql, Dialect d) {
        return "CAST(" + sql + " AS " + d.doubleType() + ")";
    }

    private static Field field(RecordType type, String name) {
        return type.field(name).orElseThrow(() -> new IllegalArgumentException(
                "'" + name + "' is not a field of " + type.id() + "; check formulas with FormulaChecker first"));
    }

    /**
     * A timestamp literal: 'YYYY-MM-DDTHH:MM' (a space may replace the T; seconds are allowed and
     * dropped, as on import), or 'YYYY-MM-DD' for its midnight; null when it is neither.
     */
    static LocalDateTime timestamp(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay();
            }
            if (text.length() >= 16 && (text.charAt(10) == 'T' || text.charAt(10) == ' ')) {
                return LocalDateTime.parse(text.substring(0, 10) + "T" + text.substring(11))
                        .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }

    /** The literal as the JDBC value that matches the column: Long, Double, LocalDate, LocalDateTime, Boolean or String. */
    private static Object parameter(Field f, Object literal) {
        if (FormulaChecker.isTimestamp(f.type())) {
            LocalDateTime time = literal instanceof String s ? timestamp(s) : null;
            if (time != null) {
                return time;
            }
            throw doesNotFit(f, literal);
        }
        switch (f.type()) {
            case INTEGER:
                if (literal instanceof Double n) {
                    return n == Math.rint(n) && Math.abs(n) < 1e15 ? (Object) n.longValue() : n;
                }
                break;
            case DECIMAL:
                if (literal instanceof Double) {
                    return literal;
                }
                break;
            case BOOLEAN:
                if (literal instanceof Boolean) {
                    return literal;
                }
                break;
            case DATE:
                if (literal instanceof String s) {
                    try {
                        return LocalDate.parse(s);
                    } catch (DateTimeParseException e) {
                        break;
                    }
                }
                break;
            default:
                if (literal instanceof String) {
                    return literal;
                }
        }
        throw doesNotFit(f, literal);
    }

    private static IllegalArgumentException doesNotFit(Field f, Object literal) {
        return new IllegalArgumentException(Printer.literal(literal) + " does not fit " + f.name() + ", a " + f.type().word()
                + " field; check formulas with FormulaChecker first");
    }
}
