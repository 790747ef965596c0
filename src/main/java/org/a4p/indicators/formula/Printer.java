package org.a4p.indicators.formula;

import java.math.BigDecimal;

/**
 * Canonical spelling of formula nodes. Parentheses are printed only where the tree needs them, so
 * that parsing the printed text gives back an equal tree; a negated condition is always
 * parenthesised because {@code not (x = 'a')} reads less ambiguously than {@code not x = 'a'}.
 */
final class Printer {
    private static final int ADDITIVE = 1;
    private static final int MULTIPLICATIVE = 2;
    private static final int UNARY = 3;
    private static final int ATOM = 4;

    private Printer() {}

    static void checkOperator(char op) {
        if ("+-*/".indexOf(op) < 0) {
            throw new IllegalArgumentException("unknown arithmetic operator '" + op + "'");
        }
    }

    static void checkLiteral(Object literal) {
        if (!(literal instanceof String || literal instanceof Double || literal instanceof Boolean)) {
            throw new IllegalArgumentException("a literal must be a String, Double or Boolean, got " + literal);
        }
    }

    static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static String literal(Object literal) {
        if (literal instanceof String s) {
            return "'" + s.replace("'", "''") + "'";
        }
        if (literal instanceof Double d) {
            return number(d);
        }
        return String.valueOf(literal);
    }

    static String binary(Expr.Binary b) {
        return binary(b.op(), b.left(), precedence(b.left()), b.right(), precedence(b.right()));
    }

    static String binary(RowExpr.RowBinary b) {
        return binary(b.op(), b.left(), precedence(b.left()), b.right(), precedence(b.right()));
    }

    /**
     * A row expression inside a condition: fields without their record type (which is the
     * aggregate's), e.g. {@code days_between(reported_on, closed_on) <= 7}.
     */
    static String bare(RowExpr e) {
        if (e instanceof RowExpr.FieldRef f) {
            return f.field();
        }
        if (e instanceof RowExpr.RowNumber n) {
            return number(n.value());
        }
        if (e instanceof RowExpr.Between b) {
            return b.unit().word() + "(" + b.from().field() + ", " + b.to().field() + ")";
        }
        RowExpr.RowBinary b = (RowExpr.RowBinary) e;
        return binary(b.op(), bare(b.left()), precedence(b.left()), bare(b.right()), precedence(b.right()));
    }

    /** Left-associative: an equal-precedence right operand keeps its parentheses. */
    private static String binary(char op, Object left, int leftPrecedence, Object right, int rightPrecedence) {
        int own = operatorPrecedence(op);
        return wrap(left, leftPrecedence < own) + " " + op + " " + wrap(right, rightPrecedence <= own);
    }

    static String negate(Expr.Negate n) {
        String inner = wrap(n.inner(), precedence(n.inner()) < UNARY);
        return inner.startsWith("-") ? "- " + inner : "-" + inner;
    }

    static String and(Condition.And a) {
        return wrap(a.left(), a.left() instanceof Condition.Or) + " and "
                + wrap(a.right(), a.right() instanceof Condition.Or || a.right() instanceof Condition.And);
    }

    static String or(Condition.Or o) {
        return o.left() + " or " + wrap(o.right(), o.right() instanceof Condition.Or);
    }

    static String not(Condition.Not n) {
        return "not " + wrap(n.inner(), !(n.inner() instanceof Condition.Not));
    }

    private static String wrap(Object node, boolean parenthesise) {
        return parenthesise ? "(" + node + ")" : node.toString();
    }

    private static int operatorPrecedence(char op) {
        return op == '+' || op == '-' ? ADDITIVE : MULTIPLICATIVE;
    }

    private static int precedence(Expr e) {
        if (e instanceof Expr.Binary b) {
            return operatorPrecedence(b.op());
        }
        return e instanceof Expr.Negate ? UNARY : ATOM;
    }

    private static int precedence(RowExpr e) {
        return e instanceof RowExpr.RowBinary b ? operatorPrecedence(b.op()) : ATOM;
    }
}
