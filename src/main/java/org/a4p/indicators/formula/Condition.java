package org.a4p.indicators.formula;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code where} filter of an aggregate. Field names are bare (without the record type, which
 * is the aggregate's). Literals are {@link String}, {@link Double} or {@link Boolean}.
 */
public sealed interface Condition
        permits Condition.And, Condition.Or, Condition.Not, Condition.Compare, Condition.In, Condition.IsNull {

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
}
