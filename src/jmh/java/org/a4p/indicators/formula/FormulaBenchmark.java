package org.a4p.indicators.formula;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The formula language's hot paths: parsing (once per indicator per engine) and evaluating a
 * parsed formula (once per value key per refresh: 851,940 times for the demo's full refresh).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FormulaBenchmark {
    /** A share of two last() aggregates, each filtered: the shape of the gender-parity indicators. */
    private static final String TEXT = "100 * last(personnel.women where category = 'military_contingent')"
            + " / last(personnel.women + personnel.men where category = 'military_contingent')";
    private Formula formula;
    private double women = 120;

    @Setup
    public void setUp() {
        formula = Formula.parse(TEXT);
    }

    @Benchmark
    public Formula parse() {
        return Formula.parse(TEXT);
    }

    @Benchmark
    public Double evaluate() {
        women += 1;
        return Evaluator.evaluate(formula.root(), aggregate -> aggregate.argument() instanceof RowExpr.FieldRef ? women : 1000.0);
    }
}
