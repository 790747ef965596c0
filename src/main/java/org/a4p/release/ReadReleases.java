package org.a4p.release;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.a4p.app.Failure;
import org.a4p.app.Outcome;
import org.a4p.db.Database;
import org.a4p.pack.Pack;
import org.a4p.records.StoreException;

/** Use cases: the releases, newest first; what one release changed; one value's history across releases. */
public final class ReadReleases {
    /** A release and the values it added, revised or withdrew (at most the limit asked). */
    public record Changes(Release release, List<ReleasedValue> changes) {}

    private final Pack pack;
    private final Database database;
    private final ReleaseStore store = new ReleaseStore();

    public ReadReleases(Pack pack, Database database) {
        this.pack = pack;
        this.database = database;
    }

    public List<Release> list() {
        try (Connection connection = database.dataSource().getConnection()) {
            return store.releases(connection);
        } catch (SQLException e) {
            throw new StoreException("cannot read the releases: " + e.getMessage(), e);
        }
    }

    /** The number of the latest release, 0 before the first: read from the database, so it counts every instance's. */
    public int latestNumber() {
        try (Connection connection = database.dataSource().getConnection()) {
            return store.latestNumber(connection);
        } catch (SQLException e) {
            throw new StoreException("cannot read the releases: " + e.getMessage(), e);
        }
    }

    /** {@code kind} null for every change, else added, revised or withdrawn. */
    public Outcome<Changes> changes(int number, String kind, int limit) {
        if (kind != null && !List.of(ReleasedValue.ADDED, ReleasedValue.REVISED, ReleasedValue.WITHDRAWN).contains(kind)) {
            return Outcome.failed(Failure.invalid("expected a change of added, revised or withdrawn, got '" + kind + "'"));
        }
        try (Connection connection = database.dataSource().getConnection()) {
            Optional<Release> release = store.release(connection, number);
            if (release.isEmpty()) {
                return Outcome.failed(Failure.notFound("there is no release " + number));
            }
            return Outcome.ok(new Changes(release.get(), store.changes(connection, number, kind, limit)));
        } catch (SQLException e) {
            throw new StoreException("cannot read the release: " + e.getMessage(), e);
        }
    }

    /** The values of a release as it was published, for one indicator (null for all). */
    public Outcome<List<ReleasedValue>> asOf(int number, String indicator) {
        if (indicator != null && pack.indicator(indicator).isEmpty()) {
            return Outcome.failed(Failure.invalid("unknown indicator '" + indicator + "'"));
        }
        try (Connection connection = database.dataSource().getConnection()) {
            if (store.release(connection, number).isEmpty()) {
                return Outcome.failed(Failure.notFound("there is no release " + number));
            }
            return Outcome.ok(store.asOf(connection, number, indicator));
        } catch (SQLException e) {
            throw new StoreException("cannot read the release: " + e.getMessage(), e);
        }
    }

    /** The latest release, empty before the first is published. */
    public Optional<Release> latest() {
        return list().stream().findFirst();
    }

    /**
     * Streams the selected values of release {@code number} as it was published to {@code sink},
     * in {@link ReleaseStore#eachAsOf}'s order, and returns the release; memory stays flat
     * whatever the release's size.
     */
    public Outcome<Release> each(int number, ValueSelection selection, Consumer<ReleasedValue> sink) {
        try (Connection connection = database.dataSource().getConnection()) {
            Optional<Release> release = store.release(connection, number);
            if (release.isEmpty()) {
                return Outcome.failed(Failure.notFound("there is no release " + number));
            }
            connection.setAutoCommit(false);
            try {
                store.eachAsOf(connection, number, selection, sink);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            return Outcome.ok(release.get());
        } catch (SQLException e) {
            throw new StoreException("cannot read release " + number + ": " + e.getMessage(), e);
        }
    }

    /** Streams the selected values that release {@code after} held and release {@code number} withdrew, as {@link #each} does. */
    public void eachWithdrawn(int after, int number, ValueSelection selection, Consumer<ReleasedValue> sink) {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                store.eachWithdrawn(connection, after, number, selection, sink);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read what release " + number + " withdrew: " + e.getMessage(), e);
        }
    }

    /** The disaggregation labels of the latest release's values. */
    public List<String> publishedDisaggregations() {
        try (Connection connection = database.dataSource().getConnection()) {
            return store.publishedDisaggregations(connection);
        } catch (SQLException e) {
            throw new StoreException("cannot read the published disaggregations: " + e.getMessage(), e);
        }
    }

    /** Every release that published, revised or withdrew one value, oldest first. */
    public List<ReleasedValue> history(String indicator, String orgUnit, String period, String disaggregation) {
        try (Connection connection = database.dataSource().getConnection()) {
            return store.history(connection, indicator, orgUnit, period, disaggregation == null ? "" : disaggregation);
        } catch (SQLException e) {
            throw new StoreException("cannot read the value's history: " + e.getMessage(), e);
        }
    }
}
