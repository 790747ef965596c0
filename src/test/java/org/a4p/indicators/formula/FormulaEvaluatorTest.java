package org.a4p.indicators.formula;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormulaEvaluatorTest {

    @Test
    void computesArithmeticWithPrecedence() {
        assertThat(evaluate("1 + 2 * 3 - -4 / 2", Map.of())).isEqualTo(9.0);
    }

    @Test
    void takesAggregateValuesFromTheCaller() {
        Map<String, Double> values = Map.of("count(fatality where incident_type = 'malicious_act')", 3.0, "count(fatality)", 12.0);

        assertThat(evaluate("100 * count(fatality where incident_type = 'malicious_act') / count(fatality)", values))
                .isEqualTo(25.0);
    }

    @Test
    void missingAggregateMakesTheResultMissing() {
        Map<String, Double> values = new HashMap<>();
        values.put("sum(t.a)", 5.0);
        values.put("sum(t.b)", null);

        assertThat(evaluate("sum(t.a) + sum(t.b)", values)).isNull();
        assertThat(evaluate("-sum(t.b)", values)).isNull();
    }

    @Test
    void divisionByZeroIsMissingNotInfinite() {
        assertThat(evaluate("count(t) / (count(t) - count(t))", Map.of("count(t)", 4.0))).isNull();
        assertThat(evaluate("0 / 0", Map.of())).isNull();
    }

    private static Double evaluate(String formula, Map<String, Double> valuesByText) {
        return Evaluator.evaluate(Formula.parse(formula).root(), a -> valuesByText.get(a.toString()));
    }
}
