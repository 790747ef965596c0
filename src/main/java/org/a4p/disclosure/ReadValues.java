package org.a4p.disclosure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.a4p.app.Outcome;
import org.a4p.db.Database;
import org.a4p.disclosure.CellTables.Key;
import org.a4p.indicators.IndicatorValue;
import org.a4p.indicators.QueryValues;
import org.a4p.indicators.ValueQuery;
import org.a4p.pack.Pack;
import org.a4p.records.StoreException;

/**
 * Use case: stored indicator values as a caller may see them. Staff see them as stored; public
 * readers see them with small cells suppressed, decided on each indicator's complete tables
 * (every org unit, period and disaggregation), so that no two requests can undo each other.
 */
public final class ReadValues {
    private final Database database;
    private final QueryValues query;
    private final SmallCells smallCells;

    public ReadValues(Pack pack, Database database) {
        this.database = database;
        this.query = new QueryValues(pack, database);
        this.smallCells = new SmallCells(pack);
    }

    /** The request's values, filtered as {@link QueryValues} filters them. */
    public Outcome<List<PublicValue>> run(Caller caller, QueryValues.Request request) {
        Outcome<List<IndicatorValue>> asked = query.run(request);
        if (asked instanceof Outcome.Failed<List<IndicatorValue>> failed) {
            return Outcome.failed(failed.failure());
        }
        List<IndicatorValue> values = ((Outcome.Ok<List<IndicatorValue>>) asked).value();
        if (!caller.isPublic()) {
            return Outcome.ok(values.stream().map(PublicValue::shown).toList());
        }
        Map<String, Map<Key, PublicValue>> published = new HashMap<>();
        try (Connection connection = database.dataSource().getConnection()) {
            for (String indicator : new TreeSet<>(values.stream().map(IndicatorValue::indicator).toList())) {
                List<IndicatorValue> table = new ValueQuery().find(connection, new ValueQuery.Filter(indicator, null, null, null, false));
                Map<Key, PublicValue> byKey = new HashMap<>();
                smallCells.protect(table).forEach(value -> byKey.put(new Key(value.orgUnit(), value.period(), value.disaggregation()), value));
                published.put(indicator, byKey);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the indicator values: " + e.getMessage(), e);
        }
        // A value a refresh removed between the two reads is left out.
        return Outcome.ok(values.stream()
                .map(value -> published.get(value.indicator()).get(new Key(value.orgUnit(), value.period(), value.disaggregation())))
                .filter(Objects::nonNull)
                .toList());
    }
}
