package org.a4p.indicators.formula;

import java.util.Objects;

/**
 * One aggregate such as {@code count(fatality where incident_type = 'malicious_act')}: a function
 * over the records of one type, optionally filtered. {@code argument} is null for count (which
 * counts records) and {@code where} is null when there is no filter. Being a record, two aggregates
 * spelled the same are equal, so the engine computes each distinct one once.
 */
public record Aggregate(AggregateFunction function, String recordType, RowExpr argument, Condition where)
        implements Expr {

    public Aggregate {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(recordType, "recordType");
        if ((function == AggregateFunction.COUNT) != (argument == null)) {
            throw new IllegalArgumentException("count takes no argument expression and the other functions need one");
        }
        if (argument != null && Formula.fieldRefs(argument).stream().anyMatch(f -> !f.recordType().equals(recordType))) {
            throw new IllegalArgumentException("every field of " + argument + " must belong to " + recordType);
        }
        if (where != null && Formula.fieldRefs(where).stream().anyMatch(f -> !f.recordType().equals(recordType))) {
            throw new IllegalArgumentException("every field of the condition " + where + " must belong to " + recordType);
        }
    }

    /** The canonical spelling, e.g. {@code sum(casevac.minutes where priority = 'urgent')}. */
    @Override
    public String toString() {
        String what = argument == null ? recordType : argument.toString();
        String filter = where == null ? "" : " where " + where;
        return function.word() + "(" + what + filter + ")";
    }
}
