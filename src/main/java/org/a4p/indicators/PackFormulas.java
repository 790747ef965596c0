package org.a4p.indicators;

import java.util.ArrayList;
import java.util.List;
import org.a4p.indicators.formula.Formula;
import org.a4p.indicators.formula.FormulaChecker;
import org.a4p.indicators.formula.FormulaException;
import org.a4p.pack.Confidentiality;
import org.a4p.pack.Indicator;
import org.a4p.pack.Pack;
import org.a4p.pack.PackProblem;

/** The checks of a pack that need the formula language: every formula parses and fits the record types. */
public final class PackFormulas {
    private PackFormulas() {}

    public static List<PackProblem> check(Pack pack) {
        List<PackProblem> problems = new ArrayList<>();
        for (Indicator indicator : pack.indicators()) {
            String file = indicator.origin().substring(0, indicator.origin().lastIndexOf(':'));
            int line = Integer.parseInt(indicator.origin().substring(indicator.origin().lastIndexOf(':') + 1));
            try {
                Formula formula = Formula.parse(indicator.formula());
                for (String problem : FormulaChecker.check(formula, pack.recordTypes(), pack.codeLists())) {
                    problems.add(new PackProblem(file, line, "indicator " + indicator.id() + ": " + problem));
                }
                for (String field : indicator.disaggregations()) {
                    boolean known = formula.recordTypes().stream()
                            .anyMatch(t -> pack.recordType(t).flatMap(rt -> rt.field(field)).isPresent());
                    if (!known) {
                        problems.add(new PackProblem(file, line, "indicator " + indicator.id() + ": disaggregation '" + field
                                + "' is not a field of " + formula.recordTypes()));
                    }
                    // A disaggregation's codes are labels of public values.
                    boolean confidential = formula.recordTypes().stream().anyMatch(t -> pack.recordType(t).flatMap(rt -> rt.field(field))
                            .filter(f -> f.confidentiality() != Confidentiality.PUBLIC).isPresent());
                    if (confidential) {
                        problems.add(new PackProblem(file, line, "indicator " + indicator.id() + ": disaggregation '" + field
                                + "' is not a public field: its values would label published figures"));
                    }
                }
            } catch (FormulaException e) {
                problems.add(new PackProblem(file, line, "indicator " + indicator.id() + ": formula does not parse: " + e.getMessage()));
            }
        }
        return problems;
    }
}
