package org.a4p.metrics;

import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import org.a4p.ingest.ImportOutcome;
import org.a4p.ingest.Importer;
import org.a4p.ingest.SubmissionSummary;
import org.a4p.release.PublishRelease;
import org.a4p.release.Release;

/**
 * The product's metrics, for {@code GET /metrics}: HTTP requests by route template, imports and
 * their rows, plausibility findings, indicator refreshes, releases, and the JVM's basics. The
 * engine knows nothing of it: it listens to the importer and the publisher and times the refresh
 * they are given. Every label is from a closed set (outcomes, methods, statuses, the routes
 * registered), never a value, a name or a key from the data.
 *
 * <p>The registry is built on first use: a command that counts nothing (most of the command line)
 * never pays the half second it takes to load.
 */
public final class Metrics implements Importer.Listener, PublishRelease.Listener, AutoCloseable {
    /** Prometheus's text exposition format, which {@link #scrape()} writes. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final IntSupplier latestRelease;
    private Meters meters;

    /** {@code latestRelease} reads the latest release's number when scraped (from the database: every instance's). */
    public Metrics(IntSupplier latestRelease) {
        this.latestRelease = latestRelease;
    }

    /** Counts an import by outcome, its rows (a rejected import's rows were all refused) and its plausibility findings. */
    @Override
    public void imported(ImportOutcome outcome) {
        Meters m = meters();
        if (outcome instanceof ImportOutcome.Rejected rejected) {
            m.imports("rejected").increment();
            m.rows("rejected").increment(rejected.rowsRead());
            m.findings("held_back").increment(rejected.heldBack().size());
        } else {
            ImportOutcome.Accepted accepted = (ImportOutcome.Accepted) outcome;
            m.imports("accepted").increment();
            m.rows("accepted").increment(accepted.submissions().stream().mapToLong(SubmissionSummary::rowsRead).sum());
            m.findings("accepted").increment(accepted.implausible().size());
        }
    }

    @Override
    public void published(Release release) {
        meters().releases.increment();
    }

    /** The refresh, timed. */
    public Importer.Refresh timed(Importer.Refresh delegate) {
        return new Importer.Refresh() {
            @Override
            public void refresh(Connection connection, Set<String> recordTypes, Set<Integer> years) throws SQLException {
                long started = System.nanoTime();
                try {
                    delegate.refresh(connection, recordTypes, years);
                } finally {
                    meters().refresh.record(Duration.ofNanos(System.nanoTime() - started));
                }
            }

            @Override
            public void refreshMonths(Connection connection, String recordType, Map<String, Set<YearMonth>> monthsByMission,
                    Set<String> otherTypes, Set<Integer> otherYears) throws SQLException {
                long started = System.nanoTime();
                try {
                    delegate.refreshMonths(connection, recordType, monthsByMission, otherTypes, otherYears);
                } finally {
                    meters().refresh.record(Duration.ofNanos(System.nanoTime() - started));
                }
            }

            @Override
            public void changedUnrefreshed(Connection connection, Set<String> recordTypes) throws SQLException {
                delegate.changedUnrefreshed(connection, recordTypes);
            }
        };
    }

    /** One HTTP request: {@code route} is the template it matched ({@code /api/v1/submissions/{id}}), never the raw path. */
    public void request(String method, String route, int status, Duration took) {
        Timer.builder("http.server.requests").description("HTTP requests by method, route template and status")
                .tags("method", method, "route", route, "status", Integer.toString(status)).register(meters().registry).record(took);
    }

    /** Every meter in Prometheus's text format. */
    public String scrape() {
        return meters().registry.scrape();
    }

    /** Builds the registry now: a server's, so that its first request does not wait for it. */
    void bind() {
        meters();
    }

    private synchronized Meters meters() {
        if (meters == null) {
            meters = new Meters(latestRelease);
        }
        return meters;
    }

    @Override
    public synchronized void close() {
        if (meters != null) {
            meters.close();
        }
    }
}
