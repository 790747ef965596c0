package org.a4p.indicators.formula;

import java.util.Objects;

/**
 * The top level of a formula: arithmetic over aggregates. Each aggregate is computed once over the
 * records (in SQL), and this tree combines the resulting numbers. {@code toString()} re-prints the
 * node in canonical form, which parses back to an equal node.
 */
public sealed interface Expr permits Expr.NumberLiteral, Expr.Binary, Expr.Negate, Aggregate {

    /** A constant such as {@code 100}. */
    record NumberLiteral(double value) implements Expr {
        @Override
        public String toString() {
            return Printer.number(value);
        }
    }

    /** {@code left op right} where op is one of {@code + - * /}. */
    record Binary(char op, Expr left, Expr right) implements Expr {
        public Binary {
            Printer.checkOperator(op);
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public String toString() {
            return Printer.binary(this);
        }
    }

    /** {@code -inner}. */
    record Negate(Expr inner) implements Expr {
        public Negate {
            Objects.requireNonNull(inner, "inner");
        }

        @Override
        public String toString() {
            return Printer.negate(this);
        }
    }
}
