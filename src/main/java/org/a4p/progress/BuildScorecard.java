package org.a4p.progress;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.a4p.app.Failure;
import org.a4p.app.Outcome;
import org.a4p.db.Database;
import org.a4p.indicators.Grain;
import org.a4p.indicators.IndicatorValue;
import org.a4p.indicators.ValueQuery;
import org.a4p.pack.Pack;
import org.a4p.records.StoreException;

/** Use case: the scorecard of one org unit and year, by priority or by commitment area. */
public final class BuildScorecard {
    /** The priorities with their headline indicators; the commitment areas; the priorities with every indicator. */
    public enum View { PRIORITY, COMMITMENT_AREA, EVERY_INDICATOR }

    /** {@code year} null: the year with the most headline values. */
    public record Request(String orgUnit, Integer year, View view) {}

    private final Pack pack;
    private final Database database;
    private final ValueQuery.Source source;

    public BuildScorecard(Pack pack, Database database) {
        this(pack, database, ValueQuery.Source.LIVE);
    }

    /** {@code source}: the staff view's values, or the latest release's for public readers. */
    public BuildScorecard(Pack pack, Database database, ValueQuery.Source source) {
        this.pack = pack;
        this.database = database;
        this.source = source;
    }

    public Outcome<Scorecard> run(Request request) {
        if (pack.orgUnits().find(request.orgUnit()).isEmpty()) {
            return Outcome.failed(Failure.invalid("unknown org unit '" + request.orgUnit() + "': " + pack.orgUnits().describeCodes()));
        }
        List<IndicatorValue> yearly;
        try (Connection connection = database.dataSource().getConnection()) {
            yearly = new ValueQuery(source).find(connection, new ValueQuery.Filter(null, request.orgUnit(), null, Grain.YEAR, true));
        } catch (SQLException e) {
            throw new StoreException("cannot read the indicator values: " + e.getMessage(), e);
        }
        ScorecardBuilder builder = new ScorecardBuilder(pack);
        int year = request.year() != null ? request.year() : builder.defaultYear(yearly);
        return Outcome.ok(switch (request.view()) {
            case COMMITMENT_AREA -> builder.byCommitmentArea(request.orgUnit(), year, yearly);
            case EVERY_INDICATOR -> builder.everyIndicator(request.orgUnit(), year, yearly);
            case PRIORITY -> builder.build(request.orgUnit(), year, yearly);
        });
    }
}
