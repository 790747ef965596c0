package org.a4p.indicators.formula;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.a4p.indicators.formula.Token.Kind;

/**
 * Recursive-descent parser for the formula grammar (see {@link Formula}). One method per grammar
 * rule, so the code can be read against the grammar. It stops at the first error, reporting the
 * column and what the grammar allowed there.
 */
final class Parser {
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Set<String> RESERVED = Set.of("where", "and", "or", "not", "in", "is", "null", "true", "false");
    private static final String PRIMARY = "a number, '(' or an aggregate such as count(...)";
    private static final String ROW_VALUE = "a number, '(', a field such as type.field, or days_between(...)";
    private static final String CONDITION_VALUE = "a field name, a number, '(' or days_between(...)";
    private static final String COMPARISON = "a comparison (=, !=, <>, <, <=, >, >=), 'in', 'not in' or 'is'";
    private static final String ROW_COMPARISON = "an operator (+, -, *, /), a comparison (=, !=, <>, <, <=, >, >=) or 'is'";
    private static final String NULL_HINT = " (test for a missing value with 'is null')";
    private static final String LITERAL = "a value: 'text', a number, true or false";
    private static final String AFTER_CONDITION = "'and', 'or' or ')'";
    private static final String BETWEEN_WORDS = "days_between, hours_between, minutes_between";

    private final List<Token> tokens;
    private int index;
    /** The record type of the aggregate being parsed, set by its first field reference. */
    private String recordType;
    /** Whether a where condition is being parsed, where fields may be written without their type. */
    private boolean inWhere;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Expr parse(String text) {
        Parser parser = new Parser(Lexer.tokens(text));
        Expr root = parser.expr();
        if (!parser.peek().is(Kind.END)) {
            throw parser.error("an operator (+, -, *, /) or the end of the formula");
        }
        return root;
    }

    // expr := term (('+'|'-') term)*
    private Expr expr() {
        Expr left = term();
        while (peek().isSymbol("+") || peek().isSymbol("-")) {
            char op = next().text().charAt(0);
            left = new Expr.Binary(op, left, term());
        }
        return left;
    }

    // term := unary (('*'|'/') unary)*
    private Expr term() {
        Expr left = unary();
        while (peek().isSymbol("*") || peek().isSymbol("/")) {
            char op = next().text().charAt(0);
            left = new Expr.Binary(op, left, unary());
        }
        return left;
    }

    // unary := '-' unary | primary
    private Expr unary() {
        if (accept("-")) {
            return new Expr.Negate(unary());
        }
        return primary();
    }

    // primary := NUMBER | '(' expr ')' | aggregate
    private Expr primary() {
        Token t = peek();
        if (t.is(Kind.NUMBER)) {
            next();
            return new Expr.NumberLiteral(Double.parseDouble(t.text()));
        }
        if (accept("(")) {
            Expr inner = expr();
            expect(")", "')'");
            return inner;
        }
        if (t.is(Kind.WORD)) {
            var function = AggregateFunction.of(t.text());
            if (function.isPresent()) {
                next();
                return aggregate(function.get());
            }
            if (peekAfter().isSymbol("(")) {
                throw FormulaException.unknownFunction(t.position(), t.text(), AggregateFunction.allWords());
            }
        }
        throw error(PRIMARY);
    }

    // aggregate := FUNC '(' argument [ 'where' condition ] ')'
    private Aggregate aggregate(AggregateFunction function) {
        expect("(", "'('");
        recordType = null;
        inWhere = false;
        RowExpr argument = null;
        if (function == AggregateFunction.COUNT) {
            recordType = name("a record type name");
            if (peek().isSymbol(".")) {
                throw error("'where' or ')' (count takes a record type such as fatality, not a field)");
            }
        } else {
            Token start = peek();
            argument = rowExpr();
            if (recordType == null) {
                throw FormulaException.expected(start.position(),
                        "a field such as type.field in the argument of " + function.word(), start.shown());
            }
        }
        Condition where = null;
        if (acceptKeyword("where")) {
            inWhere = true;
            where = condition();
            inWhere = false;
            expect(")", AFTER_CONDITION);
        } else {
            expect(")", argument == null ? "'where' or ')'" : "an operator, 'where' or ')'");
        }
        return new Aggregate(function, recordType, argument, where);
    }

    // rowexpr := rowterm (('+'|'-') rowterm)*
    private RowExpr rowExpr() {
        RowExpr left = rowTerm();
        while (peek().isSymbol("+") || peek().isSymbol("-")) {
            char op = next().text().charAt(0);
            left = new RowExpr.RowBinary(op, left, rowTerm());
        }
        return left;
    }

    // rowterm := rowunary (('*'|'/') rowunary)*
    private RowExpr rowTerm() {
        RowExpr left = rowUnary();
        while (peek().isSymbol("*") || peek().isSymbol("/")) {
            char op = next().text().charAt(0);
            left = new RowExpr.RowBinary(op, left, rowUnary());
        }
        return left;
    }

    // rowunary := ['-'] NUMBER | '(' rowexpr ')' | FIELD | days_between(...) | hours_between(...) | minutes_between(...)
    // where FIELD is type.field, or inside a where condition also a bare field name
    private RowExpr rowUnary() {
        Token t = peek();
        if (t.is(Kind.NUMBER) || (t.isSymbol("-") && peekAfter().is(Kind.NUMBER))) {
            return new RowExpr.RowNumber(signedNumber());
        }
        if (accept("(")) {
            RowExpr inner = rowExpr();
            expect(")", "')'");
            return inner;
        }
        if (t.is(Kind.WORD)) {
            return peekAfter().isSymbol("(") ? between() : anyFieldRef();
        }
        throw error(inWhere ? CONDITION_VALUE : ROW_VALUE);
    }

    /** NUMBER or '-' NUMBER; minus zero is zero, so that it prints and parses back the same. */
    private double signedNumber() {
        boolean negative = accept("-");
        double value = Double.parseDouble(next().text());
        return negative ? -value + 0.0 : value;
    }

    /** Whether {@code t} can start a row expression (of a condition). */
    private boolean startsRowValue(Token t) {
        return t.is(Kind.NUMBER) || t.isSymbol("(") || (t.isSymbol("-") && peekAfter().is(Kind.NUMBER))
                || (t.is(Kind.WORD) && !RESERVED.contains(t.text().toLowerCase(Locale.ROOT)));
    }

    private RowExpr.Between between() {
        Token t = next();
        RowExpr.Between.Unit unit = switch (t.text().toLowerCase(Locale.ROOT)) {
            case "days_between" -> RowExpr.Between.Unit.DAYS;
            case "hours_between" -> RowExpr.Between.Unit.HOURS;
            case "minutes_between" -> RowExpr.Between.Unit.MINUTES;
            default -> throw FormulaException.unknownFunction(t.position(), t.text(), BETWEEN_WORDS);
        };
        expect("(", "'('");
        RowExpr.FieldRef from = anyFieldRef();
        expect(",", "','");
        RowExpr.FieldRef to = anyFieldRef();
        expect(")", "')'");
        return new RowExpr.Between(unit, from, to);
    }

    private RowExpr.FieldRef anyFieldRef() {
        return inWhere ? conditionFieldRef() : fieldRef();
    }

    // type.field, where every type in one aggregate must be the same
    private RowExpr.FieldRef fieldRef() {
        Token t = peek();
        String type = name("a field such as type.field");
        if (!peek().isSymbol(".")) {
            throw FormulaException.expected(t.position(), "a field written as type.field", t.shown());
        }
        next();
        String field = name("a field name");
        if (recordType == null) {
            recordType = type;
        } else if (!recordType.equals(type)) {
            throw otherType(t, type, field);
        }
        return new RowExpr.FieldRef(type, field);
    }

    // condition := orcond := andcond ('or' andcond)*
    private Condition condition() {
        Condition left = andCondition();
        while (acceptKeyword("or")) {
            left = new Condition.Or(left, andCondition());
        }
        return left;
    }

    // andcond := notcond ('and' notcond)*
    private Condition andCondition() {
        Condition left = notCondition();
        while (acceptKeyword("and")) {
            left = new Condition.And(left, notCondition());
        }
        return left;
    }

    // notcond := 'not' notcond | '(' condition ')' | comparison
    // A '(' may also open a row expression, as in (a + b) * 2 > c: it is read as a condition when
    // it is one, else again as a comparison; when both fail, the error that got further is reported.
    private Condition notCondition() {
        if (acceptKeyword("not")) {
            return new Condition.Not(notCondition());
        }
        if (peek().isSymbol("(")) {
            int start = index;
            next();
            FormulaException asCondition;
            try {
                Condition inner = condition();
                expect(")", AFTER_CONDITION);
                return inner;
            } catch (FormulaException e) {
                asCondition = e;
            }
            index = start;
            try {
                return comparison();
            } catch (FormulaException asValue) {
                throw asValue.position() > asCondition.position() ? asValue : asCondition;
            }
        }
        return comparison();
    }

    // comparison := rowexpr op (rowexpr | literal) | rowexpr 'is' ['not'] 'null' | FIELD ['not'] 'in' '(' literals ')'
    // A field compared with a literal (or a plain number) is a Compare and a null test of a field an
    // IsNull; anything else involving row expressions is a RowCompare or RowIsNull.
    private Condition comparison() {
        RowExpr left = rowExpr();
        RowExpr.FieldRef field = left instanceof RowExpr.FieldRef f ? f : null;
        if (acceptKeyword("is")) {
            boolean negated = acceptKeyword("not");
            expectKeyword("null", negated ? "'null'" : "'null' or 'not null'");
            return field != null ? new Condition.IsNull(field.field(), negated) : new Condition.RowIsNull(left, negated);
        }
        if (field != null && acceptKeyword("not")) {
            expectKeyword("in", "'in'");
            return in(field.field(), true);
        }
        if (field != null && acceptKeyword("in")) {
            return in(field.field(), false);
        }
        Token t = peek();
        String op = t.is(Kind.SYMBOL) && t.text().equals("<>") ? "!=" : t.text();
        if (!t.is(Kind.SYMBOL) || !Condition.OPERATORS.contains(op)) {
            boolean in = t.isKeyword("in") || t.isKeyword("not");
            throw error(field != null ? COMPARISON : ROW_COMPARISON + (in ? " ('in' needs a field on its left)" : ""));
        }
        next();
        Token r = peek();
        boolean literal = r.is(Kind.STRING) || r.isKeyword("true") || r.isKeyword("false") || r.isKeyword("null");
        if (field != null && (literal || !startsRowValue(r))) {
            return new Condition.Compare(field.field(), op, literal());
        }
        if (literal) {
            throw error(CONDITION_VALUE + (r.isKeyword("null") ? NULL_HINT
                    : " ('text', true and false can be compared with a field only)"));
        }
        RowExpr right = rowExpr();
        if (field != null && right instanceof RowExpr.RowNumber n) {
            return new Condition.Compare(field.field(), op, n.value());
        }
        return new Condition.RowCompare(left, op, right);
    }

    private Condition.In in(String field, boolean negated) {
        expect("(", "'('");
        List<Object> literals = new ArrayList<>();
        literals.add(literal());
        while (accept(",")) {
            literals.add(literal());
        }
        expect(")", "',' or ')'");
        return new Condition.In(field, negated, literals);
    }

    private Object literal() {
        Token t = peek();
        if (t.is(Kind.STRING)) {
            next();
            return t.value();
        }
        if (t.is(Kind.NUMBER)) {
            next();
            return Double.valueOf(t.text());
        }
        if (t.isSymbol("-") && peekAfter().is(Kind.NUMBER)) {
            return signedNumber();
        }
        if (t.isKeyword("true") || t.isKeyword("false")) {
            next();
            return Boolean.valueOf(t.text().equalsIgnoreCase("true"));
        }
        throw error(t.isKeyword("null") ? LITERAL + NULL_HINT : LITERAL);
    }

    /** In a condition: a bare field name, or type.field when the type is the aggregate's own. */
    private RowExpr.FieldRef conditionFieldRef() {
        Token t = peek();
        String first = name("a field name");
        if (!accept(".")) {
            return new RowExpr.FieldRef(recordType, first);
        }
        String field = name("a field name");
        if (!first.equals(recordType)) {
            throw otherType(t, first, field);
        }
        return new RowExpr.FieldRef(recordType, field);
    }

    private FormulaException otherType(Token at, String type, String field) {
        return FormulaException.expected(at.position(),
                "a field of " + recordType + " (one aggregate reads one record type)", type + "." + field);
    }

    private String name(String what) {
        Token t = peek();
        if (!t.is(Kind.WORD) || RESERVED.contains(t.text().toLowerCase(Locale.ROOT))) {
            throw error(what);
        }
        if (!NAME.matcher(t.text()).matches()) {
            throw error(what + " in lower case");
        }
        next();
        return t.text();
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token peekAfter() {
        return tokens.get(Math.min(index + 1, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(index);
        if (!t.is(Kind.END)) {
            index++;
        }
        return t;
    }

    private boolean accept(String symbol) {
        if (peek().isSymbol(symbol)) {
            next();
            return true;
        }
        return false;
    }

    private boolean acceptKeyword(String keyword) {
        if (peek().isKeyword(keyword)) {
            next();
            return true;
        }
        return false;
    }

    private void expect(String symbol, String expected) {
        if (!accept(symbol)) {
            throw error(expected);
        }
    }

    private void expectKeyword(String keyword, String expected) {
        if (!acceptKeyword(keyword)) {
            throw error(expected);
        }
    }

    private FormulaException error(String expected) {
        return FormulaException.expected(peek().position(), expected, peek().shown());
    }
}
