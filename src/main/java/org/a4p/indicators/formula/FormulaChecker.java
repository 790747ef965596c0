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
 */
public final class FormulaChecker {
    private static final Set<String> ORDERING = Set.of("<", "<=", ">", ">=");

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
        if (e instanceof RowExpr.FieldRef ref) {
            field(ref.field()).filter(f -> !f.type().isNumeric()).ifPresent(f -> problem(function.word()
                    + " needs numbers (integer or decimal fields, or days_between/hours_between/minutes_between), but "
                    + f.name() + " is " + article(f.type())));
        } else if (e instanceof RowExpr.RowBinary b) {
            rowExpr(b.left(), function);
            rowExpr(b.right(), function);
        } else if (e instanceof RowExpr.Between b) {
            between(b, b.from());
            between(b, b.to());
        }
    }

    /** Both units need dates for now; hours and minutes will also take timestamps once that type exists. */
    private void between(RowExpr.Between b, RowExpr.FieldRef ref) {
        field(ref.field()).filter(f -> f.type() != FieldType.DATE).ifPresent(f -> problem(
                b.unit().word() + " needs date fields, but " + f.name() + " is " + article(f.type())));
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
        }
    }

    private void compare(Field f, String op, Object literal) {
        if (ORDERING.contains(op) && !f.type().isNumeric() && f.type() != FieldType.DATE) {
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
