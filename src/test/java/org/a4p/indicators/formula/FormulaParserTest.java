package org.a4p.indicators.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.a4p.indicators.formula.Condition.Compare;
import org.a4p.indicators.formula.Condition.In;
import org.a4p.indicators.formula.Condition.IsNull;
import org.a4p.indicators.formula.Condition.RowCompare;
import org.a4p.indicators.formula.Condition.RowIsNull;
import org.a4p.indicators.formula.Expr.Binary;
import org.a4p.indicators.formula.Expr.Negate;
import org.a4p.indicators.formula.Expr.NumberLiteral;
import org.a4p.indicators.formula.RowExpr.Between;
import org.a4p.indicators.formula.RowExpr.FieldRef;
import org.a4p.indicators.formula.RowExpr.RowBinary;
import org.a4p.indicators.formula.RowExpr.RowNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormulaParserTest {

    @Test
    void parsesCountWithCondition() {
        Formula f = Formula.parse("count(fatality where incident_type = 'malicious_act')");

        assertThat(f.root()).isEqualTo(new Aggregate(AggregateFunction.COUNT, "fatality", null,
                new Compare("incident_type", "=", "malicious_act")));
    }

    @Test
    void parsesRatioOfLastValues() {
        Formula f = Formula.parse("100 * last(personnel.women where category = 'military_contingent')"
                + " / last(personnel.women + personnel.men where category = 'military_contingent')");

        Compare contingent = new Compare("category", "=", "military_contingent");
        Aggregate women = new Aggregate(AggregateFunction.LAST, "personnel", new FieldRef("personnel", "women"), contingent);
        Aggregate all = new Aggregate(AggregateFunction.LAST, "personnel",
                new RowBinary('+', new FieldRef("personnel", "women"), new FieldRef("personnel", "men")), contingent);
        assertThat(f.root()).isEqualTo(new Binary('/', new Binary('*', new NumberLiteral(100), women), all));
    }

    @Test
    void parsesDaysBetweenWithoutCondition() {
        Formula f = Formula.parse("median(days_between(allegation.reported_on, allegation.investigation_closed_on))");

        assertThat(f.root()).isEqualTo(new Aggregate(AggregateFunction.MEDIAN, "allegation",
                new Between(Between.Unit.DAYS, new FieldRef("allegation", "reported_on"),
                        new FieldRef("allegation", "investigation_closed_on")), null));
    }

    @Test
    void parsesInAndNegatedIsNull() {
        Aggregate a = (Aggregate) Formula.parse(
                "avg(casevac.minutes where priority in ('urgent', 'priority') and not surgery_time is null)").root();

        assertThat(a.where()).isEqualTo(new Condition.And(
                new In("priority", false, List.of("urgent", "priority")),
                new Condition.Not(new IsNull("surgery_time", false))));
    }

    @Test
    void parsesNotInIsNotNullAndLiteralsOfEachKind() {
        Aggregate a = (Aggregate) Formula.parse(
                "count(t where a not in (1, -2.5) or b is not null or c = true or d <> 'it''s')").root();

        assertThat(a.where()).isEqualTo(new Condition.Or(new Condition.Or(new Condition.Or(
                new In("a", true, List.of(1.0, -2.5)),
                new IsNull("b", true)),
                new Compare("c", "=", Boolean.TRUE)),
                new Compare("d", "!=", "it's")));
    }

    @Test
    void acceptsTypeQualifiedFieldInCondition() {
        assertThat(Formula.parse("count(fatality where fatality.incident_type = 'accident')"))
                .isEqualTo(Formula.parse("count(fatality where incident_type = 'accident')"));
    }

    @Test
    void parsesComparisonOfTwoFieldsWithBareNames() {
        Aggregate a = (Aggregate) Formula.parse("count(political_milestone where achieved_on <= due_on)").root();

        assertThat(a.where()).isEqualTo(new RowCompare(new FieldRef("political_milestone", "achieved_on"), "<=",
                new FieldRef("political_milestone", "due_on")));
    }

    @Test
    void parsesDaysBetweenOfBareFieldsComparedWithNumber() {
        Aggregate a = (Aggregate) Formula.parse("count(sofa_violation where days_between(occurred_on, raised_on) <= 7)").root();

        assertThat(a.where()).isEqualTo(new RowCompare(new Between(Between.Unit.DAYS,
                new FieldRef("sofa_violation", "occurred_on"), new FieldRef("sofa_violation", "raised_on")), "<=", new RowNumber(7)));
    }

    @Test
    void qualifiedAndBareFieldsInConditionsAreTheSame() {
        Formula bare = Formula.parse("count(casevac where minutes_between(injured_at, first_aid_at) <= 10)");

        assertThat(Formula.parse("count(casevac where minutes_between(casevac.injured_at, first_aid_at) <= 10)")).isEqualTo(bare);
        assertThat(Formula.parse("count(casevac where minutes_between(casevac.injured_at, casevac.first_aid_at) <= 10)"))
                .isEqualTo(bare);
        assertThat(Formula.parse("count(casevac where casevac.injured_at < casevac.first_aid_at)").toString())
                .isEqualTo("count(casevac where injured_at < first_aid_at)");
    }

    @Test
    void parsesArithmeticOnEitherSide() {
        Aggregate a = (Aggregate) Formula.parse("count(engagement where women_participants * 2 >= participants - 1)").root();

        assertThat(a.where()).isEqualTo(new RowCompare(
                new RowBinary('*', new FieldRef("engagement", "women_participants"), new RowNumber(2)), ">=",
                new RowBinary('-', new FieldRef("engagement", "participants"), new RowNumber(1))));
    }

    @Test
    void fieldComparedWithANumberStaysACompare() {
        assertThat(((Aggregate) Formula.parse("count(t where a >= (25))").root()).where()).isEqualTo(new Compare("a", ">=", 25.0));
        assertThat(((Aggregate) Formula.parse("count(t where a > -1.5)").root()).where()).isEqualTo(new Compare("a", ">", -1.5));
        assertThat(((Aggregate) Formula.parse("count(t where a > 20 + 5)").root()).where()).isEqualTo(new RowCompare(
                new FieldRef("t", "a"), ">", new RowBinary('+', new RowNumber(20), new RowNumber(5))));
        assertThat(((Aggregate) Formula.parse("count(t where 25 < a)").root()).where()).isEqualTo(new RowCompare(
                new RowNumber(25), "<", new FieldRef("t", "a")));
    }

    @Test
    void parsesNullTestsOfRowExpressions() {
        Aggregate a = (Aggregate) Formula.parse(
                "count(allegation where days_between(reported_on, closed_on) is null or a + b is not null or c is null)").root();

        assertThat(a.where()).isEqualTo(new Condition.Or(new Condition.Or(
                new RowIsNull(new Between(Between.Unit.DAYS, new FieldRef("allegation", "reported_on"),
                        new FieldRef("allegation", "closed_on")), false),
                new RowIsNull(new RowBinary('+', new FieldRef("allegation", "a"), new FieldRef("allegation", "b")), true)),
                new IsNull("c", false)));
    }

    @Test
    void leadingParenthesisOpensARowExpressionOrACondition() {
        Aggregate a = (Aggregate) Formula.parse("count(t where (a + b) * 2 > c and (d = 1 or (e) < (f)))").root();

        assertThat(a.where()).isEqualTo(new Condition.And(
                new RowCompare(new RowBinary('*', new RowBinary('+', new FieldRef("t", "a"), new FieldRef("t", "b")),
                        new RowNumber(2)), ">", new FieldRef("t", "c")),
                new Condition.Or(new Compare("d", "=", 1.0), new RowCompare(new FieldRef("t", "e"), "<", new FieldRef("t", "f")))));
    }

    @Test
    void rowExpressionsTakeNegativeNumbers() {
        assertThat(((Aggregate) Formula.parse("sum(t.a * -2)").root()).argument())
                .isEqualTo(new RowBinary('*', new FieldRef("t", "a"), new RowNumber(-2)));
        assertThat(((Aggregate) Formula.parse("count(t where days_between(a, b) >= -1)").root()).where())
                .isEqualTo(new RowCompare(new Between(Between.Unit.DAYS, new FieldRef("t", "a"), new FieldRef("t", "b")), ">=",
                        new RowNumber(-1)));
    }

    @Test
    void rowConditionNodesRefuseShapesThatHaveAnotherCanonicalNode() {
        assertThatThrownBy(() -> new RowCompare(new FieldRef("t", "a"), "=", new RowNumber(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RowIsNull(new FieldRef("t", "a"), false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RowCompare(new FieldRef("t", "a"), "=<", new FieldRef("t", "b")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Aggregate(AggregateFunction.COUNT, "t", null,
                new RowCompare(new FieldRef("t", "a"), "=", new FieldRef("u", "b"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must belong to t");
    }

    @Test
    void multiplicationBindsTighterThanAddition() {
        assertThat(Formula.parse("1 + 2 * 3").root()).isEqualTo(new Binary('+', new NumberLiteral(1),
                new Binary('*', new NumberLiteral(2), new NumberLiteral(3))));
    }

    @Test
    void subtractionIsLeftAssociativeAndParenthesesOverride() {
        assertThat(Formula.parse("1 - 2 - 3").root()).isEqualTo(new Binary('-',
                new Binary('-', new NumberLiteral(1), new NumberLiteral(2)), new NumberLiteral(3)));
        assertThat(Formula.parse("(1 + 2) * 3").root()).isEqualTo(new Binary('*',
                new Binary('+', new NumberLiteral(1), new NumberLiteral(2)), new NumberLiteral(3)));
    }

    @Test
    void unaryMinusBindsTighterThanMultiplication() {
        assertThat(Formula.parse("-2 * 3").root()).isEqualTo(new Binary('*',
                new Negate(new NumberLiteral(2)), new NumberLiteral(3)));
    }

    @Test
    void andBindsTighterThanOr() {
        Aggregate a = (Aggregate) Formula.parse("count(t where a = 1 or b = 2 and c = 3)").root();

        assertThat(a.where()).isEqualTo(new Condition.Or(new Compare("a", "=", 1.0),
                new Condition.And(new Compare("b", "=", 2.0), new Compare("c", "=", 3.0))));
    }

    @Test
    void keywordsAndFunctionNamesIgnoreCase() {
        assertThat(Formula.parse("COUNT(t WHERE a IN ('x') AND NOT b IS NULL Or c = TRUE) + Sum(Days_Between(t.d, t.e))"))
                .isEqualTo(Formula.parse("count(t where a in ('x') and not b is null or c = true) + sum(days_between(t.d, t.e))"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "count(fatality where incident_type = 'malicious_act')",
        "100 * last(personnel.women where category = 'military_contingent') / last(personnel.women + personnel.men where category = 'military_contingent')",
        "median(days_between(allegation.reported_on, allegation.investigation_closed_on))",
        "100 * count(site_environment where pillar = 'wastewater' and risk_level = 'minimum') / count(site_environment where pillar = 'wastewater')",
        "avg(casevac.minutes where priority in ('urgent', 'priority') and not surgery_time is null)",
        "1 - (2 - 3) / (4 * 5) - -(6 + 7)",
        "- -1 + 0.25",
        "sum((t.a - t.b) / (t.c * 2) - hours_between(t.d, t.e) where not (a = 'x' or b > -1.5) and (c = 1 or d = 2) and e <> 'it''s')",
        "count(t where a = 1 and (b = 2 and c = 3) or not not d is not null)",
        "min(minutes_between(t.start, t.stop) where t.flag = false and n not in (1, 2))",
        "count(political_milestone where achieved_on <= due_on)",
        "count(sofa_violation where days_between(occurred_on, raised_on) <= 7)",
        "count(casevac where minutes_between(injured_at, first_aid_at) <= 10)",
        "count(allegation where days_between(reported_on, investigation_closed_on) <= 90)",
        "count(engagement where women_participants * 2 >= participants)",
        "count(t where t.a - t.b <> t.c / (t.d - 1) or hours_between(t.x, t.y) is not null)",
        "count(t where not ((a + b) * 2 > c) and (a - b) / 2 < -0.5 and days_between(x, y) is null)",
        "count(t where 7 >= days_between(x, y) and a = 1 + 2 and b - (c - d) = -0 + e)",
        "sum(t.a * -1 - -2 where a * -2 < -1 and b >= -0)",
        "avg(days_between(a.reported_on, a.closed_on) where days_between(reported_on, closed_on) > 0 and closed_on >= '2024-01-01')",
    })
    void canonicalTextParsesBackToTheSameFormula(String text) {
        Formula original = Formula.parse(text);
        Formula reparsed = Formula.parse(original.toString());

        assertThat(reparsed).isEqualTo(original);
        assertThat(reparsed.toString()).isEqualTo(original.toString());
    }

    @Test
    void canonicalTextNormalisesSpacingAndOperators() {
        assertThat(Formula.parse("100*COUNT( fatality WHERE type<>'a' AND NOT x IS NULL )/count(fatality)").toString())
                .isEqualTo("100 * count(fatality where type != 'a' and not (x is null)) / count(fatality)");
    }

    @Test
    void identicalAggregatesAreListedOnce() {
        Formula f = Formula.parse("count(a where x = 1) / (count( a  where x=1 ) + count(b)) * sum(a.y)");

        assertThat(f.aggregates()).extracting(Aggregate::toString)
                .containsExactly("count(a where x = 1)", "count(b)", "sum(a.y)");
        assertThat(f.recordTypes()).containsExactly("a", "b");
    }

    @Test
    void rejectsUnknownFunction() {
        assertThatThrownBy(() -> Formula.parse("cnt(fatality)"))
                .isInstanceOf(FormulaException.class)
                .hasMessage("at position 1: unknown function 'cnt'; expected one of count, sum, avg, min, max, median, last");
    }

    @Test
    void rejectsUnknownBetweenFunction() {
        assertSyntaxError("sum(days_betwen(a.x, a.y))", 5,
                "one of days_between, hours_between, minutes_between", "days_betwen");
    }

    @Test
    void rejectsMissingClosingParenthesisAtEnd() {
        FormulaException e = parseError("count(fatality where incident_type = 'malicious_act'");

        assertThat(e).hasMessage("at position 53: expected 'and', 'or' or ')' but found 'end of formula'");
        assertThat(e.found()).isEqualTo("end of formula");
    }

    @Test
    void rejectsWhereOutsideAggregate() {
        assertThat(parseError("(count(fatality) where x = 1)"))
                .hasMessage("at position 18: expected ')' but found 'where'");
    }

    @Test
    void rejectsMissingOperand() {
        assertSyntaxError("1 +", 4, "a number, '(' or an aggregate such as count(...)", "end of formula");
    }

    @Test
    void rejectsEmptyFormula() {
        assertSyntaxError("  ", 3, "a number, '(' or an aggregate such as count(...)", "end of formula");
    }

    @Test
    void rejectsFieldAsCountArgument() {
        assertSyntaxError("count(fatality.casualty_id)", 15,
                "'where' or ')' (count takes a record type such as fatality, not a field)", ".");
    }

    @Test
    void rejectsTwoRecordTypesInOneAggregate() {
        assertSyntaxError("sum(personnel.women + casualty.men)", 23,
                "a field of personnel (one aggregate reads one record type)", "casualty.men");
    }

    @Test
    void rejectsConditionOnAnotherRecordType() {
        assertSyntaxError("count(fatality where casevac.priority = 'urgent')", 22,
                "a field of fatality (one aggregate reads one record type)", "casevac.priority");
    }

    @Test
    void rejectsMissingLiteral() {
        assertSyntaxError("count(fatality where incident_type = )", 38, "a value: 'text', a number, true or false", ")");
    }

    @Test
    void rejectsNullLiteralWithHint() {
        assertSyntaxError("count(fatality where x = null)", 26,
                "a value: 'text', a number, true or false (test for a missing value with 'is null')", "null");
    }

    @Test
    void rejectsUnterminatedString() {
        assertSyntaxError("count(fatality where incident_type = 'abc)", 43,
                "a closing quote for the string started at position 38", "end of formula");
    }

    @Test
    void rejectsBareFieldInRowExpression() {
        assertSyntaxError("sum(minutes)", 5, "a field written as type.field", "minutes");
    }

    @Test
    void rejectsRowExpressionWithoutField() {
        assertSyntaxError("sum(1 + 2)", 5, "a field such as type.field in the argument of sum", "1");
    }

    @Test
    void rejectsTrailingTokens() {
        assertSyntaxError("count(fatality) count(casevac)", 17, "an operator (+, -, *, /) or the end of the formula", "count");
    }

    @Test
    void rejectsMissingCommaInList() {
        FormulaException e = parseError("count(fatality where priority in ('a' 'b'))");

        assertThat(e).hasMessage("at position 39: expected ',' or ')' but found 'b'");
        assertThat(e.found()).isEqualTo("'b'");
    }

    @Test
    void rejectsMisspeltNull() {
        assertSyntaxError("count(fatality where x is nul)", 27, "'null' or 'not null'", "nul");
    }

    @Test
    void rejectsUnknownComparisonOperator() {
        assertSyntaxError("count(fatality where x # 1)", 24,
                "a comparison (=, !=, <>, <, <=, >, >=), 'in', 'not in' or 'is'", "#");
    }

    @Test
    void rejectsUpperCaseName() {
        assertSyntaxError("count(Fatality)", 7, "a record type name in lower case", "Fatality");
    }

    @Test
    void rejectsKeywordAsName() {
        assertSyntaxError("count(where)", 7, "a record type name", "where");
    }

    @Test
    void rejectsBetweenWithOneArgument() {
        assertSyntaxError("count(t where days_between(a) <= 7)", 29, "','", ")");
    }

    @Test
    void rejectsBetweenWithoutComma() {
        assertSyntaxError("count(t where minutes_between(a b) <= 10)", 33, "','", "b");
    }

    @Test
    void rejectsBetweenOverAnotherRecordTypeInCondition() {
        assertSyntaxError("count(t where days_between(a, other.b) > 1)", 31,
                "a field of t (one aggregate reads one record type)", "other.b");
    }

    @Test
    void rejectsInAfterARowExpression() {
        assertSyntaxError("count(t where a + 1 in (1, 2))", 21,
                "an operator (+, -, *, /), a comparison (=, !=, <>, <, <=, >, >=) or 'is' ('in' needs a field on its left)", "in");
    }

    @Test
    void rejectsMissingComparisonAfterARowExpression() {
        assertSyntaxError("count(t where days_between(a, b) 7)", 34,
                "an operator (+, -, *, /), a comparison (=, !=, <>, <, <=, >, >=) or 'is'", "7");
    }

    @Test
    void rejectsTextComparedWithARowExpression() {
        assertSyntaxError("count(t where a * 2 = 'x')", 23,
                "a field name, a number, '(' or days_between(...) ('text', true and false can be compared with a field only)", "'x'");
    }

    @Test
    void rejectsNullComparedWithARowExpressionWithHint() {
        assertSyntaxError("count(t where days_between(a, b) = null)", 36,
                "a field name, a number, '(' or days_between(...) (test for a missing value with 'is null')", "null");
    }

    @Test
    void rejectsMissingOperandInConditionArithmetic() {
        assertSyntaxError("count(t where a + > 1)", 19, "a field name, a number, '(' or days_between(...)", ">");
    }

    @Test
    void reportsTheFurtherErrorOfAParenthesisedRowExpression() {
        assertSyntaxError("count(t where (a + b) > )", 25, "a field name, a number, '(' or days_between(...)", ")");
        assertSyntaxError("count(t where (a = 1 or b = 2 and c)", 36,
                "a comparison (=, !=, <>, <, <=, >, >=), 'in', 'not in' or 'is'", ")");
    }

    @Test
    void rejectsMissingRightSideAfterAFieldAsBefore() {
        assertSyntaxError("count(t where a <= )", 20, "a value: 'text', a number, true or false", ")");
    }

    private static void assertSyntaxError(String text, int position, String expected, String found) {
        FormulaException e = parseError(text);
        assertThat(e.position()).as(e.getMessage()).isEqualTo(position);
        assertThat(e.expected()).as(e.getMessage()).isEqualTo(expected);
        assertThat(e.found()).as(e.getMessage()).isEqualTo(found);
        assertThat(e.getMessage()).startsWith("at position " + position + ": ");
    }

    private static FormulaException parseError(String text) {
        try {
            Formula.parse(text);
        } catch (FormulaException e) {
            return e;
        }
        throw new AssertionError("expected a syntax error in: " + text);
    }
}
