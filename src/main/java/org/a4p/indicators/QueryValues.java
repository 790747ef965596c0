package org.a4p.indicators;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.a4p.app.Failure;
import org.a4p.app.Outcome;
import org.a4p.db.Database;
import org.a4p.pack.Indicator;
import org.a4p.pack.Pack;
import org.a4p.records.StoreException;

/** Use case: the stored values of indicators for an org unit, by period; never rescans records. */
public final class QueryValues {
    /**
     * Null fields do not filter. {@code period} (2020, 2020-Q3 or 2020-07) sets the grain, which
     * otherwise is {@code grain} (years when null). {@code totalsOnly} leaves out disaggregations.
     */
    public record Request(String indicator, String orgUnit, String period, Grain grain, boolean totalsOnly) {}

    private final Pack pack;
    private final Database database;

    public QueryValues(Pack pack, Database database) {
        this.pack = pack;
        this.database = database;
    }

    public Outcome<List<IndicatorValue>> run(Request request) {
        Outcome<ValueQuery.Filter> filter = filter(request);
        if (filter instanceof Outcome.Failed<ValueQuery.Filter> failed) {
            return Outcome.failed(failed.failure());
        }
        try (Connection connection = database.dataSource().getConnection()) {
            return Outcome.ok(new ValueQuery().find(connection, ((Outcome.Ok<ValueQuery.Filter>) filter).value()));
        } catch (SQLException e) {
            throw new StoreException("cannot read the indicator values: " + e.getMessage(), e);
        }
    }

    /** The request checked against the pack, as the filter of a query. */
    public Outcome<ValueQuery.Filter> filter(Request request) {
        Grain grain = request.grain() == null ? Grain.YEAR : request.grain();
        if (request.period() != null) {
            grain = Grain.of(request.period());
            if (grain == null) {
                return Outcome.failed(Failure.invalid("'" + request.period() + "' is not a period: expected 2020, 2020-Q3 or 2020-07"));
            }
        }
        if (request.indicator() != null && pack.indicator(request.indicator()).isEmpty()) {
            return Outcome.failed(Failure.invalid("unknown indicator '" + request.indicator() + "'; known: "
                    + String.join(", ", pack.indicators().stream().map(Indicator::id).toList())));
        }
        if (request.orgUnit() != null && pack.orgUnits().find(request.orgUnit()).isEmpty()) {
            return Outcome.failed(Failure.invalid("unknown org unit '" + request.orgUnit() + "': " + pack.orgUnits().describeCodes()));
        }
        return Outcome.ok(new ValueQuery.Filter(request.indicator(), request.orgUnit(), request.period(), grain, request.totalsOnly()));
    }
}
