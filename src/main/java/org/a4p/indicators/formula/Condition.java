package org.a4p.indicators.formula;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code where} filter of an aggregate. Field names are bare (without the record type, which
 * is the aggregate's). Literals are {@link String}, {@link Double} or {@link Boolean}.
 *
 * <p>A comparison of a plain field with a literal is a {@link Compare}, and a null test of a plain
 * field an {@link IsNull}; comparisons that involve row expressions on either side (another
 * field, arithmetic, {@code days_between(...)}) are {@link RowCompare} and {@link RowIsNull}. The
 * two kinds do not overlap, so each condition has one tree and {@code toString()} parses back to
 * it: the constructors of {@code RowCompare} and {@code RowIsNull} refuse the shapes that belong to
 * {@code Compare} and {@code IsNull}.
 */
public sealed interface Condition permits Condition.And, Condition.Or, Condition.Not, Condition.Compare, Condition.In,
        Condition.IsNull, Condition.RowCompare, Condition.RowIsNull {

    /** The comparison operators after normalisation ({@code <>} becomes {@code !=}). */
    Set<String> OPERATORS = Set.of("=", "!=", "<", "<=", ">", ">=");

    record And(Condition left, Condition right) implements Condition {
        public And {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public String toString() {
            return Printer.and(this);
        }
    }

    record Or(Condition left, Condition right) implements Condition {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public String toString() {
            return Printer.or(this);
        }
    }

    record Not(Condition inner) implements Condition {
        public Not {
            Objects.requireNonNull(inner, "inner");
        }

        @Override
        public String toString() {
            return Printer.not(this);
        }
    }

    /** {@code field op literal}. */
    record Compare(String field, String op, Object literal) implements Condition {
        public Compare {
            Objects.requireNonNull(field, "field");
            if (!OPERATORS.contains(op)) {
                throw new IllegalArgumentException("unknown comparison operator '" + op + "'");
            }
            Printer.checkLiteral(literal);
        }

        @Override
        public String toString() {
            return field + " " + op + " " + Printer.literal(literal);
        }
    }

    /** {@code field in (a, b)} or, when negated, {@code field not in (a, b)}. */
    record In(String field, boolean negated, List<Object> literals) implements Condition {
        public In {
            Objects.requireNonNull(field, "field");
            literals = List.copyOf(literals);
            if (literals.isEmpty()) {
                throw new IllegalArgumentException("in needs at least one value");
            }
            literals.forEach(Printer::checkLiteral);
        }

        @Override
        public String toString() {
            return field + (negated ? " not in (" : " in (")
                    + String.join(", ", literals.stream().map(Printer::literal).toList()) + ")";
        }
    }

    /** {@code field is null} or {@code field is not null}. */
    record IsNull(String field, boolean negated) implements Condition {
        public IsNull {
            Objects.requireNonNull(field, "field");
        }

        @Override
        public String toString() {
            return field + (negated ? " is not null" : " is null");
        }
    }

    /**
     * {@code left op right} where the sides are row expressions of the aggregate's record type,
     * such as {@code achieved_on <= due_on} or {@code days_between(occurred_on, raised_on) <= 7}.
     * Fields are printed bare. A field compared with a number is a {@link Compare} instead.
     */
    record RowCompare(RowExpr left, String op, RowExpr right) implements Condition {
        public RowCompare {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            if (!OPERATORS.contains(op)) {
                throw new IllegalArgumentException("unknown comparison operator '" + op + "'");
            }
            if (left instanceof RowExpr.FieldRef && right instanceof RowExpr.RowNumber) {
                throw new IllegalArgumentException("a field compared with a number is a Compare, not a RowCompare");
            }
        }

        @Override
        public String toString() {
            return Printer.bare(left) + " " + op + " " + Printer.bare(right);
        }
    }

    /**
     * {@code value is null} or {@code value is not null} for a row expression that is more than a
     * field, such as {@code days_between(a, b) is null}; a plain field is an {@link IsNull} instead.
     */
    record RowIsNull(RowExpr value, boolean negated) implements Condition {
        public RowIsNull {
            Objects.requireNonNull(value, "value");
            if (value instanceof RowExpr.FieldRef) {
                throw new IllegalArgumentException("a null test of a field is an IsNull, not a RowIsNull");
            }
        }

        @Override
        public String toString() {
            return Printer.bare(value) + (negated ? " is not null" : " is null");
        }
    }
}
