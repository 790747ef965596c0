package org.a4p.indicators.formula;

import java.util.Objects;

/**
 * A value computed for each record before aggregating, such as {@code personnel.women +
 * personnel.men}. It becomes a SQL expression (see {@link FormulaSql#rowValue}).
 */
public sealed interface RowExpr permits RowExpr.FieldRef, RowExpr.RowNumber, RowExpr.RowBinary, RowExpr.Between {

    /** {@code recordType.field}. */
    record FieldRef(String recordType, String field) implements RowExpr {
        public FieldRef {
            Objects.requireNonNull(recordType, "recordType");
            Objects.requireNonNull(field, "field");
        }

        @Override
        public String toString() {
            return recordType + "." + field;
        }
    }

    /** A constant inside a row expression. */
    record RowNumber(double value) implements RowExpr {
        @Override
        public String toString() {
            return Printer.number(value);
        }
    }

    /** {@code left op right} where op is one of {@code + - * /}, computed in floating point. */
    record RowBinary(char op, RowExpr left, RowExpr right) implements RowExpr {
        public RowBinary {
            Printer.checkOperator(op);
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public String toString() {
            return Printer.binary(this);
        }
    }

    /** The time from {@code from} to {@code to} in whole days, in hours, or in whole minutes. */
    record Between(Unit unit, FieldRef from, FieldRef to) implements RowExpr {
        /** The unit of a between function; {@code word()} is its formula spelling. */
        public enum Unit {
            DAYS, HOURS, MINUTES;

            public String word() {
                return name().toLowerCase(java.util.Locale.ROOT) + "_between";
            }
        }

        public Between {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public String toString() {
            return unit.word() + "(" + from + ", " + to + ")";
        }
    }
}
