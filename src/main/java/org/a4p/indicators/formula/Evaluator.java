package org.a4p.indicators.formula;

import java.util.Objects;
import java.util.function.Function;

/**
 * Combines aggregate values with the formula's arithmetic. A missing value stays missing: when an
 * aggregate has no value, or a division is by zero, the result is null ("no data") rather than 0,
 * NaN or infinity, which would be shown as if measured.
 */
public final class Evaluator {

    private Evaluator() {}

    /** The value of {@code e}, taking each aggregate's value from {@code valueOf} (null when unknown). */
    public static Double evaluate(Expr e, Function<Aggregate, Double> valueOf) {
        Objects.requireNonNull(valueOf, "valueOf");
        Double value = compute(e, valueOf);
        return value == null || !Double.isFinite(value) ? null : value;
    }

    private static Double compute(Expr e, Function<Aggregate, Double> valueOf) {
        if (e instanceof Expr.NumberLiteral n) {
            return n.value();
        }
        if (e instanceof Aggregate a) {
            return valueOf.apply(a);
        }
        if (e instanceof Expr.Negate n) {
            Double inner = compute(n.inner(), valueOf);
            return inner == null ? null : -inner;
        }
        Expr.Binary b = (Expr.Binary) e;
        Double left = compute(b.left(), valueOf);
        Double right = compute(b.right(), valueOf);
        if (left == null || right == null) {
            return null;
        }
        return switch (b.op()) {
            case '+' -> left + right;
            case '-' -> left - right;
            case '*' -> left * right;
            default -> right == 0 ? null : left / right;
        };
    }
}
