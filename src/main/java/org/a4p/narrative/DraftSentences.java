package org.a4p.narrative;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.a4p.app.Failure;
import org.a4p.app.Outcome;
import org.a4p.db.Database;
import org.a4p.indicators.Grain;
import org.a4p.indicators.IndicatorValue;
import org.a4p.indicators.ValueQuery;
import org.a4p.pack.Indicator;
import org.a4p.pack.Pack;
import org.a4p.pack.Priority;
import org.a4p.progress.ScorecardBuilder;
import org.a4p.records.StoreException;

/** Use case: the draft data sentence of every headline indicator for one org unit and year, from the stored values. */
public final class DraftSentences {
    /** {@code year} null: the scorecard's default year. */
    public record Request(String orgUnit, Integer year) {}

    public record Sentences(String orgUnit, String orgUnitName, int year, List<DataSentence.Draft> drafts) {}

    private final Pack pack;
    private final Database database;
    private final ValueQuery.Source source;

    public DraftSentences(Pack pack, Database database) {
        this(pack, database, ValueQuery.Source.LIVE);
    }

    /** {@code source}: the staff view's values, or the latest release's (a suppressed value reads as none) for public outputs. */
    public DraftSentences(Pack pack, Database database, ValueQuery.Source source) {
        this.pack = pack;
        this.database = database;
        this.source = source;
    }

    public Outcome<Sentences> run(Request request) {
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
        List<DataSentence.Draft> drafts = new ArrayList<>();
        for (Priority priority : pack.priorities()) {
            for (Indicator indicator : builder.shownFor(priority)) {
                Map<Integer, Double> values = new HashMap<>();
                boolean synthetic = false;
                for (IndicatorValue value : yearly) {
                    int period = Integer.parseInt(value.period());
                    if (value.indicator().equals(indicator.id()) && value.orgUnit().equals(request.orgUnit())
                            && value.disaggregation().isEmpty() && period > year - DataSentence.WINDOW_YEARS && period <= year) {
                        values.put(period, value.value());
                        synthetic |= value.synthetic() && value.value() != null;
                    }
                }
                drafts.add(DataSentence.draft(indicator, values, year, synthetic));
            }
        }
        String name = pack.orgUnits().find(request.orgUnit()).map(unit -> unit.name()).orElse(request.orgUnit());
        return Outcome.ok(new Sentences(request.orgUnit(), name, year, drafts));
    }
}
