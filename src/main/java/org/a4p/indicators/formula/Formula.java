package org.a4p.indicators.formula;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed indicator formula, such as
 * {@code 100 * count(site_environment where pillar = 'wastewater' and risk_level = 'minimum') / count(site_environment where pillar = 'wastewater')}.
 * Aggregates are computed over records and combined with arithmetic; see the grammar below.
 *
 * <pre>
 * expr      := term (('+'|'-') term)*
 * term      := unary (('*'|'/') unary)*
 * unary     := '-' unary | primary
 * primary   := NUMBER | '(' expr ')' | aggregate
 * aggregate := FUNC '(' argument [ 'where' condition ] ')'     count takes a record type name,
 *                                                              sum/avg/min/max/median/last a rowexpr
 * rowexpr   := rowterm (('+'|'-') rowterm)*
 * rowterm   := rowunary (('*'|'/') rowunary)*
 * rowunary  := ['-'] NUMBER | '(' rowexpr ')' | FIELD
 *            | days_between(FIELD, FIELD) | hours_between(FIELD, FIELD) | minutes_between(FIELD, FIELD)
 * condition := andcond ('or' andcond)*
 * andcond   := notcond ('and' notcond)*
 * notcond   := 'not' notcond | '(' condition ')' | comparison
 * comparison:= rowexpr op (rowexpr | literal)               a 'text', true or false literal needs a field on the left
 *            | rowexpr 'is' ['not'] 'null'
 *            | FIELD ['not'] 'in' '(' literal (',' literal)* ')'
 * </pre>
 *
 * FIELD is {@code type.field} in an aggregate's argument; inside {@code where} it may also be the
 * bare field name, as the type is the aggregate's. So a condition compares a record's own values:
 * {@code count(political_milestone where achieved_on <= due_on)},
 * {@code count(sofa_violation where days_between(occurred_on, raised_on) <= 7)} or
 * {@code count(engagement where women_participants * 2 >= participants)}. A condition that starts
 * with '(' is read as a parenthesised condition when it is one, else as a row expression, so
 * {@code (a + b) * 2 > c} works as well as {@code (a = 1 or b = 2)}.
 *
 * <p>Keywords and function names are case-insensitive; names are {@code [a-z_][a-z0-9_]*}. All fields
 * of one aggregate belong to one record type. Equality and {@code toString()} follow the canonical
 * form, so {@code Formula.parse(f.toString()).equals(f)}; in the canonical form, fields inside
 * {@code where} are bare and a field compared with a literal is a {@link Condition.Compare}.
 */
public record Formula(Expr root) {

    public Formula {
        Objects.requireNonNull(root, "root");
    }

    /** Parses {@code text}, throwing {@link FormulaException} at the first syntax error. */
    public static Formula parse(String text) {
        Objects.requireNonNull(text, "text");
        return new Formula(Parser.parse(text));
    }

    /** The distinct aggregates in order of first appearance: what the engine must compute. */
    public List<Aggregate> aggregates() {
        Set<Aggregate> found = new LinkedHashSet<>();
        collect(root, found);
        return List.copyOf(found);
    }

    /** The record types the formula reads, in order of first appearance. */
    public Set<String> recordTypes() {
        Set<String> types = new LinkedHashSet<>();
        aggregates().forEach(a -> types.add(a.recordType()));
        return Collections.unmodifiableSet(types);
    }

    private static void collect(Expr e, Set<Aggregate> into) {
        if (e instanceof Aggregate a) {
            into.add(a);
        } else if (e instanceof Expr.Binary b) {
            collect(b.left(), into);
            collect(b.right(), into);
        } else if (e instanceof Expr.Negate n) {
            collect(n.inner(), into);
        }
    }

    /** Every field reference of a row expression, in order. */
    static List<RowExpr.FieldRef> fieldRefs(RowExpr e) {
        List<RowExpr.FieldRef> refs = new ArrayList<>();
        collect(e, refs);
        return refs;
    }

    /** Every field reference in the row expressions of a condition, in order (plain fields of Compare, In and IsNull are names, not references). */
    static List<RowExpr.FieldRef> fieldRefs(Condition c) {
        List<RowExpr.FieldRef> refs = new ArrayList<>();
        collect(c, refs);
        return refs;
    }

    private static void collect(Condition c, List<RowExpr.FieldRef> into) {
        if (c instanceof Condition.And a) {
            collect(a.left(), into);
            collect(a.right(), into);
        } else if (c instanceof Condition.Or o) {
            collect(o.left(), into);
            collect(o.right(), into);
        } else if (c instanceof Condition.Not n) {
            collect(n.inner(), into);
        } else if (c instanceof Condition.RowCompare r) {
            collect(r.left(), into);
            collect(r.right(), into);
        } else if (c instanceof Condition.RowIsNull r) {
            collect(r.value(), into);
        }
    }

    private static void collect(RowExpr e, List<RowExpr.FieldRef> into) {
        if (e instanceof RowExpr.FieldRef f) {
            into.add(f);
        } else if (e instanceof RowExpr.RowBinary b) {
            collect(b.left(), into);
            collect(b.right(), into);
        } else if (e instanceof RowExpr.Between b) {
            into.add(b.from());
            into.add(b.to());
        }
    }

    /** The canonical text of the formula. */
    @Override
    public String toString() {
        return root.toString();
    }
}
