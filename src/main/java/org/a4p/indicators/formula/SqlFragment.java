package org.a4p.indicators.formula;

import java.util.List;
import java.util.Objects;

/** A piece of SQL with {@code ?} placeholders and the values to bind to them, in order. */
public record SqlFragment(String sql, List<Object> parameters) {

    public SqlFragment {
        Objects.requireNonNull(sql, "sql");
        parameters = List.copyOf(parameters);
    }
}
