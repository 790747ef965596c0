package org.a4p.indicators.formula;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.a4p.pack.CodeList;
import org.a4p.pack.Field;
import org.a4p.pack.FieldType;
import org.a4p.pack.RecordType;

/**
 * Checks a parsed formula against the pack's record types and code lists, so that a typo in a
 * field or code is reported when the pack is checked instead of silently giving zero. It takes the
 * two maps rather than a whole {@code Pack} so it can be used (and tested) without loading one.
 * Each problem starts with the aggregate it is about, e.g.
 * {@code count(fatality where incident_typ = 'malicious_act'): 'incident_typ' is not a field of fatality; fields: ...}.
 *
 * <p>In a comparison both sides are checked: their fields must exist, arithmetic needs numbers and
 * {@code days_between}/{@code hours_between}/{@code minutes_between} need date or timestamp
 * fields. The sides must then be of one kind: numbers (integer and decimal fields, numbers,
 * arithmetic and the between functions), temporal values (date and timestamp fields, or a
 * 'YYYY-MM-DD' / 'YYYY-MM-DDTHH:MM' literal), or fields of the same other type. Ordering
 * comparisons ({@code < <= > >=}) need numbers or temporal values; two code fields may be compared
 * with {@code =} or {@code !=} only when they use the same code list.
 */
public final class FormulaChecker {
    private static final Set<String> ORDERING = Set.of("<", "<=", ">", ">=");
    /** The kinds of comparable values besides the other field types; see {@link #kind}. */
    private static final String NUMBER = "number";
    private static final String TEMPORAL = "temporal";
    private static final String NEEDS_NUMBERS =
            " needs numbers (integer or decimal fields, or days_between/hours_between/minutes_between), but ";

    private final Map<String, RecordType> recordTypes;
    private final Map<String, CodeList> codeLists;
    /** A set, so a field misspelt twice in one aggregate is reported once. */
    private final Set<String> problems = new LinkedHashSet<>();
    private String prefix;
    private RecordType type;

    private FormulaChecker(Map<String, RecordType> recordTypes, Map<String, CodeList> codeLists) {
        this.recordTypes = recordTypes;
        this.codeLists = codeLists;
    }

    /** The problems of {@code formula} against the given record types and code lists; empty when it is sound. */
    public static List<String> check(Formula formula, Map<String, RecordType> recordTypes, Map<String, CodeList> codeLists) {
        Objects.requireNonNull(formula, "formula");
        FormulaChecker checker = new FormulaChecker(recordTypes, codeLists);
        formula.aggregates().forEach(checker::aggregate);
        return List.copyOf(checker.problems);
    }

    private void aggregate(Aggregate a) {
        prefix = a + ": ";
        type = recordTypes.get(a.recordType());
        if (type == null) {
            problem("unknown record type '" + a.recordType() + "'; record types: "
                    + String.join(", ", recordTypes.keySet().stream().sorted().toList()));
            return;
        }
        if (a.argument() != null) {
            rowExpr(a.argument(), a.function());
        }
        if (a.where() != null) {
            condition(a.where());
        }
    }

    private void rowExpr(RowExpr e, AggregateFunction function) {
        numbers(e, function.word(), false);
    }

    /**
     * Whether {@code e} is a sound number, reporting each field that is missing or of the wrong
     * type. {@code who} names what needs the numbers: the aggregate function for its argument; in a
     * condition ({@code inCondition}) each arithmetic operator names itself.
     */
    private boolean numbers(RowExpr e, String who, boolean inCondition) {
        if (e instanceof RowExpr.FieldRef ref) {
            Optional<Field> f = field(ref.field());
            f.filter(x -> !x.type().isNumeric()).ifPresent(x -> problem(who + NEEDS_NUMBERS + x.name() + " is " + article(x.type())));
            return f.isPresent() && f.get().type().isNumeric();
        }
        if (e instanceof RowExpr.RowBinary b) {
            String operator = inCondition ? "'" + b.op() + "'" : who;
            return numbers(b.left(), operator, inCondition) & numbers(b.right(), operator, inCondition);
        }
        if (e instanceof RowExpr.Between b) {
            return between(b, b.from()) & between(b, b.to());
        }
        return true;
    }

    /** All three units take date and timestamp fields (a date counts from its midnight). */
    private boolean between(RowExpr.Between b, RowExpr.FieldRef ref) {
        Optional<Field> f = field(ref.field());
        f.filter(x -> !isTemporal(x.type())).ifPresent(x -> problem(
                b.unit().word() + " needs date fields, but " + x.name() + " is " + article(x.type())));
        return f.isPresent() && isTemporal(f.get().type());
    }

    /** Whether {@code type} holds dates or dates and times: DATE, or TIMESTAMP where that type exists. */
    static boolean isTemporal(FieldType type) {
        return isTimestamp(type) || type == FieldType.DATE;
    }

    /** Whether {@code type} is TIMESTAMP; by name, so this compiles before that type exists. */
    static boolean isTimestamp(FieldType type) {
        return type.name().equals("TIMESTAMP");
    }

    private void condition(Condition c) {
        if (c instanceof Condition.And a) {
            condition(a.left());
            condition(a.right());
        } else if (c instanceof Condition.Or o) {
            condition(o.left());
            condition(o.right());
        } else if (c instanceof Condition.Not n) {
            condition(n.inner());
        } else if (c instanceof Condition.Compare cmp) {
            field(cmp.field()).ifPresent(f -> compare(f, cmp.op(), cmp.literal()));
        } else if (c instanceof Condition.In in) {
            field(in.field()).ifPresent(f -> in.literals().forEach(l -> literal(f, l)));
        } else if (c instanceof Condition.IsNull isNull) {
            field(isNull.field());
        } else if (c instanceof Condition.RowCompare cmp) {
            rowCompare(cmp);
        } else if (c instanceof Condition.RowIsNull isNull) {
            operand(isNull.value());
        }
    }

    /** A side of a comparison: a field of any type, or a number (checked as such). */
    private boolean operand(RowExpr e) {
        return e instanceof RowExpr.FieldRef ref ? field(ref.field()).isPresent() : numbers(e, null, true);
    }

    /** Both sides sound, then of one kind, then orderable for an ordering operator, then one code list. */
    private void rowCompare(Condition.RowCompare cmp) {
        boolean sound = operand(cmp.left()) & operand(cmp.right());
        if (!sound) {
            return;
        }
        Field left = fieldOf(cmp.left());
        Field right = fieldOf(cmp.right());
        String kind = kind(left);
        if (!kind.equals(kind(right))) {
            // the field is the subject of the message, as in "x is a code field and cannot be compared with the number 1"
            boolean leftFirst = left != null || right == null;
            problem(subject(leftFirst ? cmp.left() : cmp.right(), leftFirst ? left : right)
                    + " and cannot be compared with " + object(leftFirst ? cmp.right() : cmp.left(), leftFirst ? right : left));
        } else if (ORDERING.contains(cmp.op()) && !kind.equals(NUMBER) && !kind.equals(TEMPORAL)) {
            problem("'" + cmp.op() + "' compares order, but " + left.name() + " is " + article(left.type()) + "; use = or !=");
        } else if (left != null && right != null && left.type() == FieldType.CODE
                && !Objects.equals(left.codeList(), right.codeList())) {
            problem(left.name() + " and " + right.name() + " cannot be compared: they use different code lists ("
                    + left.codeList() + " and " + right.codeList() + ")");
        }
    }

    /** The field a side is, or null when it is a number. */
    private Field fieldOf(RowExpr e) {
        return e instanceof RowExpr.FieldRef ref ? type.field(ref.field()).orElseThrow() : null;
    }

    /** Sides of the same kind can be compared: numbers, temporal values, or fields of one other type. */
    private static String kind(Field f) {
        if (f == null || f.type().isNumeric()) {
            return NUMBER;
        }
        return isTemporal(f.type()) ? TEMPORAL : f.type().name();
    }

    private static String subject(RowExpr e, Field f) {
        return f != null ? f.name() + " is " + article(f.type()) : Printer.bare(e) + " is a number";
    }

    private static String object(RowExpr e, Field f) {
        if (f != null) {
            return f.name() + ", " + article(f.type());
        }
        return e instanceof RowExpr.RowNumber ? "the number " + Printer.bare(e) : Printer.bare(e) + ", a number";
    }

    private void compare(Field f, String op, Object literal) {
        if (ORDERING.contains(op) && !f.type().isNumeric() && !isTemporal(f.type())) {
            problem("'" + op + "' compares order, but " + f.name() + " is " + article(f.type()) + "; use =, != or in");
            return;
        }
        literal(f, literal);
    }

    /** Whether {@code literal} can be a value of {@code f}: its kind, a date's spelling, a code's list. */
    private void literal(Field f, Object literal) {
        FieldType t = f.type();
        boolean fits = t.isNumeric() ? literal instanceof Double
                : t == FieldType.BOOLEAN ? literal instanceof Boolean
                : literal instanceof String;
        if (!fits) {
            problem(f.name() + " is " + article(t) + " and cannot be compared with " + describe(literal));
        } else if (t == FieldType.DATE) {
            date(f, (String) literal);
        } else if (isTimestamp(t)) {
            timestamp(f, (String) literal);
        } else if (t == FieldType.CODE) {
            code(f, (String) literal);
        }
    }

    private void date(Field f, String text) {
        try {
            LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problem("'" + text + "' is not a date like 2024-12-31 (" + f.name() + " is a date field)");
        }
    }

    private void timestamp(Field f, String text) {
        if (FormulaSql.timestamp(text) == null) {
            problem("'" + text + "' is not a date and time like 2024-12-31T14:05 or a date like 2024-12-31 ("
                    + f.name() + " is a timestamp field)");
        }
    }

    private void code(Field f, String code) {
        CodeList list = f.codeList() == null ? null : codeLists.get(f.codeList());
        if (list == null) {
            problem(f.name() + " uses code list '" + f.codeList() + "', which is not defined");
        } else if (!list.contains(code)) {
            String listName = list.id().equals(f.name()) ? "" : " (code list " + list.id() + ")";
            problem("'" + code + "' is not a code of " + f.name() + listName + "; codes: " + String.join(", ", list.codes()));
        }
    }

    private Optional<Field> field(String name) {
        Optional<Field> field = type.field(name);
        if (field.isEmpty()) {
            problem("'" + name + "' is not a field of " + type.id() + "; fields: "
                    + String.join(", ", type.fields().stream().map(Field::name).toList()));
        } else if (field.get().isRestricted()) {
            // A figure is seen by roles not granted the field: even a count on it would tell its values.
            problem("'" + name + "' is a restricted field of " + type.id() + ": restricted fields never feed a figure");
        }
        return field;
    }

    private void problem(String text) {
        problems.add(prefix + text);
    }

    private static String article(FieldType t) {
        String word = t.word();
        return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word + " field";
    }

    private static String describe(Object literal) {
        if (literal instanceof Double) {
            return "the number " + Printer.literal(literal);
        }
        if (literal instanceof Boolean) {
            return "the boolean " + literal;
        }
        return "the text " + Printer.literal(literal);
    }
}
