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
 * rowunary  := NUMBER | '(' rowexpr ')' | type.field
 *            | days_between(type.f1, type.f2) | hours_between(...) | minutes_between(...)
 * condition := andcond ('or' andcond)*
 * andcond   := notcond ('and' notcond)*
 * notcond   := 'not' notcond | '(' condition ')' | comparison
 * comparison:= FIELD op literal | FIELD ['not'] 'in' '(' literal (',' literal)* ')' | FIELD 'is' ['not'] 'null'
 * </pre>
 *
 * Keywords and function names are case-insensitive; names are {@code [a-z_][a-z0-9_]*}. All fields
 * of one aggregate belong to one record type. Equality and {@code toString()} follow the canonical
 * form, so {@code Formula.parse(f.toString()).equals(f)}.
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
