package org.a4p.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.a4p.ingest.ImportOutcome;
import org.a4p.ingest.Importer;
import org.a4p.ingest.SubmissionSummary;
import org.a4p.release.PublishRelease;
import org.a4p.release.Release;

/**
 * The product's metrics in one Prometheus registry, for {@code GET /metrics}: HTTP requests by
 * route template, imports and their rows, plausibility findings, indicator refreshes, releases, and
 * the JVM's basics. The engine knows nothing of it: it listens to the importer and the publisher
 * and times the refresh they are given. Every label is from a closed set (outcomes, methods,
 * statuses, the routes registered), never a value, a name or a key from the data.
 */
public final class Metrics implements Importer.Listener, PublishRelease.Listener, AutoCloseable {
    /** Prometheus's text exposition format, which {@link #scrape()} writes. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Timer refresh;
    private final Counter releases;

    /** {@code latestRelease} reads the latest release's number when scraped (from the database: every instance's). */
    public Metrics(IntSupplier latestRelease) {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        refresh = Timer.builder("a4p.indicator.refresh").description("Indicator refreshes after an import or a workflow step")
                .register(registry);
        releases = Counter.builder("a4p.releases.published").description("Releases published by this instance").register(registry);
        // Held strongly: a gauge holds its object weakly, and a method reference has no other holder.
        Gauge.builder("a4p.release.latest", latestRelease, supplier -> supplier.getAsInt()).strongReference(true)
                .description("The number of the latest release, 0 before the first").register(registry);
        for (String outcome : new String[] {"accepted", "rejected"}) {
            imports(outcome);
            rows(outcome);
        }
        findings("accepted");
        findings("held_back");
    }

    /** Counts an import by outcome, its rows (a rejected import's rows were all refused) and its plausibility findings. */
    @Override
    public void imported(ImportOutcome outcome) {
        if (outcome instanceof ImportOutcome.Rejected rejected) {
            imports("rejected").increment();
            rows("rejected").increment(rejected.rowsRead());
            findings("held_back").increment(rejected.heldBack().size());
        } else {
            ImportOutcome.Accepted accepted = (ImportOutcome.Accepted) outcome;
            imports("accepted").increment();
            rows("accepted").increment(accepted.submissions().stream().mapToLong(SubmissionSummary::rowsRead).sum());
            findings("accepted").increment(accepted.implausible().size());
        }
    }

    @Override
    public void published(Release release) {
        releases.increment();
    }

    /** The refresh, timed. */
    public Importer.Refresh timed(Importer.Refresh delegate) {
        return (connection, recordTypes, years) -> {
            Timer.Sample sample = Timer.start(registry);
            try {
                delegate.refresh(connection, recordTypes, years);
            } finally {
                sample.stop(refresh);
            }
        };
    }

    /** One HTTP request: {@code route} is the template it matched ({@code /api/v1/submissions/{id}}), never the raw path. */
    public void request(String method, String route, int status, Duration took) {
        Timer.builder("http.server.requests").description("HTTP requests by method, route template and status")
                .tags("method", method, "route", route, "status", Integer.toString(status)).register(registry).record(took);
    }

    /** Every meter in Prometheus's text format. */
    public String scrape() {
        return registry.scrape();
    }

    private Counter imports(String outcome) {
        return Counter.builder("a4p.imports").description("Imports by outcome").tag("outcome", outcome).register(registry);
    }

    private Counter rows(String outcome) {
        return Counter.builder("a4p.import.rows").description("Rows read by imports, by the import's outcome").tag("outcome", outcome)
                .register(registry);
    }

    private Counter findings(String handling) {
        return Counter.builder("a4p.implausible.findings").description("Groups and months a plausibility rule found implausible")
                .tag("handling", handling).register(registry);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
