package org.a4p.disclosure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.a4p.app.Outcome;
import org.a4p.db.Database;
import org.a4p.indicators.IndicatorValue;
import org.a4p.indicators.QueryValues;
import org.a4p.indicators.ValueQuery;
import org.a4p.pack.Pack;
import org.a4p.records.StoreException;
import org.a4p.release.ReleaseStore;

/**
 * Use case: indicator values as a caller may see them. Staff see every submitted record's values
 * as stored, marked provisional where a record awaits approval; public readers (delegates and
 * anonymous callers) see the latest release: approved data only, with small cells suppressed when
 * it was published, each value saying which release first published it and which last revised it.
 */
public final class ReadValues {
    private final Database database;
    private final QueryValues query;

    public ReadValues(Pack pack, Database database) {
        this.database = database;
        this.query = new QueryValues(pack, database);
    }

    /** The request's values, filtered as {@link QueryValues} filters them. */
    public Outcome<List<PublicValue>> run(Caller caller, QueryValues.Request request) {
        if (!caller.isPublic()) {
            Outcome<List<IndicatorValue>> asked = query.run(request);
            if (asked instanceof Outcome.Failed<List<IndicatorValue>> failed) {
                return Outcome.failed(failed.failure());
            }
            return Outcome.ok(((Outcome.Ok<List<IndicatorValue>>) asked).value().stream().map(PublicValue::shown).toList());
        }
        Outcome<ValueQuery.Filter> filter = query.filter(request);
        if (filter instanceof Outcome.Failed<ValueQuery.Filter> failed) {
            return Outcome.failed(failed.failure());
        }
        try (Connection connection = database.dataSource().getConnection()) {
            return Outcome.ok(new ReleaseStore().published(connection, ((Outcome.Ok<ValueQuery.Filter>) filter).value()));
        } catch (SQLException e) {
            throw new StoreException("cannot read the published values: " + e.getMessage(), e);
        }
    }
}
