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
import java.util.function.IntSupplier;

/** The Prometheus registry with the JVM's binders and the product's own meters, every label value known in advance but the routes'. */
final class Meters implements AutoCloseable {
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final Timer refresh;
    final Counter releases;
    private final JvmGcMetrics gc = new JvmGcMetrics();

    Meters(IntSupplier latestRelease) {
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
        // Every outcome from the first scrape on, at 0 until it happens: a rate needs the series before its first increment.
        for (String outcome : new String[] {"accepted", "rejected"}) {
            imports(outcome);
            rows(outcome);
        }
        findings("accepted");
        findings("held_back");
    }

    Counter imports(String outcome) {
        return Counter.builder("a4p.imports").description("Imports by outcome").tag("outcome", outcome).register(registry);
    }

    Counter rows(String outcome) {
        return Counter.builder("a4p.import.rows").description("Rows read by imports, by the import's outcome").tag("outcome", outcome)
                .register(registry);
    }

    Counter findings(String handling) {
        return Counter.builder("a4p.implausible.findings").description("Groups and months a plausibility rule found implausible")
                .tag("handling", handling).register(registry);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
