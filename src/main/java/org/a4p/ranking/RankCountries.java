package org.a4p.ranking;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.a4p.app.Failure;
import org.a4p.app.Outcome;
import org.a4p.db.Database;
import org.a4p.pack.Pack;
import org.a4p.records.StoreException;

/** Use case: the contributing-country gender ranking of one month. */
public final class RankCountries {
    /**
     * {@code month} null: the latest month with records; {@code scope} a scope code, or null for
     * every mission; {@code category} null: every category.
     */
    public record Request(YearMonth month, String scope, String category) {}

    /** The ranking of a month, by category then rank. */
    public record Ranking(YearMonth month, String scope, String category, List<CountryRow> rows) {}

    private final Pack pack;
    private final Database database;

    private final boolean approvedOnly;

    public RankCountries(Pack pack, Database database) {
        this(pack, database, false);
    }

    /** {@code approvedOnly}: from approved records only, for public readers. */
    public RankCountries(Pack pack, Database database, boolean approvedOnly) {
        this.pack = pack;
        this.database = database;
        this.approvedOnly = approvedOnly;
    }

    public Outcome<Ranking> run(Request request) {
        if (request.scope() != null && !pack.orgUnits().scopeCodes().contains(request.scope())) {
            return Outcome.failed(Failure.invalid("unknown scope '" + request.scope() + "': expected "
                    + String.join(", ", pack.orgUnits().scopeCodes()) + " or ALL"));
        }
        GenderRanking ranking = new GenderRanking(pack, approvedOnly);
        if (request.category() != null && !ranking.categories().contains(request.category())) {
            return Outcome.failed(Failure.invalid("unknown category '" + request.category() + "'; known: "
                    + String.join(", ", ranking.categories())));
        }
        try (Connection connection = database.dataSource().getConnection()) {
            List<YearMonth> months = ranking.months(connection);
            if (months.isEmpty()) {
                return Outcome.failed(Failure.noData("there are no personnel records; load them with ./a4p demo"
                        + " or ./a4p import --type personnel FILE"));
            }
            YearMonth month = request.month() == null ? months.get(months.size() - 1) : request.month();
            if (!months.contains(month)) {
                return Outcome.failed(Failure.noData("no personnel records for " + month + "; "
                        + nearest(GenderRanking.nearest(months, month))));
            }
            return Outcome.ok(new Ranking(month, request.scope(), request.category(),
                    ranking.rank(connection, month, request.scope(), request.category())));
        } catch (SQLException e) {
            throw new StoreException("cannot read the personnel records: " + e.getMessage(), e);
        }
    }

    private static String nearest(GenderRanking.Nearest nearest) {
        List<String> parts = new ArrayList<>();
        if (nearest.before() != null) {
            parts.add(nearest.before() + " (before)");
        }
        if (nearest.after() != null) {
            parts.add(nearest.after() + " (after)");
        }
        return "the nearest months with data: " + String.join(" and ", parts);
    }
}
